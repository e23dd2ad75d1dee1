package vn.khuyenhoc.association;

import org.springframework.data.repository.ListCrudRepository;

interface ChapterRepository extends ListCrudRepository<Chapter, Long> {}
