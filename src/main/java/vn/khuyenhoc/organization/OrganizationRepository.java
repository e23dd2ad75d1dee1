package vn.khuyenhoc.organization;

import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, Long> {}
