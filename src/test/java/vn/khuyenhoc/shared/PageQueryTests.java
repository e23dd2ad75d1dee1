package vn.khuyenhoc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageQueryTests {

    @Test
    void aPageFarBeyondAnyListIsClampedSoTheDatabaseSkipsAtMostOneHundredThousandRows() {
        assertThat(PageQuery.of(Integer.MAX_VALUE, 50).offset()).isEqualTo(100_000);
        assertThat(PageQuery.of(Integer.MAX_VALUE, 100_000).size()).isEqualTo(500);
        assertThat(PageQuery.of(-3, null)).isEqualTo(new PageQuery(0, 50));
        assertThat(PageQuery.of(7, 50).offset()).isEqualTo(350);
    }
}
