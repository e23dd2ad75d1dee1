package vn.khuyenhoc.clan;

import org.springframework.data.repository.ListCrudRepository;

interface ClanRepository extends ListCrudRepository<Clan, Long> {}
