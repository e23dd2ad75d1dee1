package vn.khuyenhoc.association.member;

import org.springframework.data.repository.CrudRepository;

interface MemberRepository extends CrudRepository<Member, Long> {}
