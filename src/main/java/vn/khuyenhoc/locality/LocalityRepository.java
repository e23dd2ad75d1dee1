package vn.khuyenhoc.locality;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface LocalityRepository extends ListCrudRepository<Locality, Long> {

    Optional<Locality> findByCode(String code);
}
