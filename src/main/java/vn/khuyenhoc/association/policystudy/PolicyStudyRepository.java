package vn.khuyenhoc.association.policystudy;

import org.springframework.data.repository.CrudRepository;

interface PolicyStudyRepository extends CrudRepository<PolicyStudy, Long> {}
