package vn.khuyenhoc.family;

import org.springframework.data.repository.ListCrudRepository;

interface FamilyRepository extends ListCrudRepository<Family, Long> {}
