package vn.ledger.query.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VietnameseNamesTest {

    @Test
    void foldingDropsCaseAndDiacriticsAndReadsDStrokeAsD() {
        assertThat(VietnameseNames.fold("Nguyễn Văn A")).isEqualTo("nguyen van a");
        assertThat(VietnameseNames.fold("Trần Văn Đặng")).isEqualTo("tran van dang");
        assertThat(VietnameseNames.fold("  Lê   Thị\u00A0Hường ")).isEqualTo("le thi huong");
        assertThat(VietnameseNames.fold("ĐỖ ĐỨC ÐẠT")).isEqualTo("do duc dat");
        assertThat(VietnameseNames.fold(null)).isEmpty();
    }

    @Test
    void aSearchFindsAnyPartOfANameWithOrWithoutDiacritics() {
        assertThat(VietnameseNames.matches("Nguyễn Văn A", VietnameseNames.fold("nguyen van a"))).isTrue();
        assertThat(VietnameseNames.matches("Nguyễn Văn A", VietnameseNames.fold("NGUYỄN VĂN A"))).isTrue();
        assertThat(VietnameseNames.matches("Phan Van Toan", VietnameseNames.fold("văn"))).isTrue();
        assertThat(VietnameseNames.matches("Nguyễn Thị Ánh Tuyết", VietnameseNames.fold("anh tuy"))).isTrue();
        assertThat(VietnameseNames.matches("Trần Văn Đặng", VietnameseNames.fold("dang"))).isTrue();
        assertThat(VietnameseNames.matches("Lê Thị Hường", VietnameseNames.fold("hùng"))).isFalse();
        assertThat(VietnameseNames.matches("Lê Thị Hường", VietnameseNames.fold(""))).isTrue();
    }

    @Test
    void aDecomposedNameIsShownComposed() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh Tuyết", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Nguyễn Thị Ánh Tuyết");
        assertThat(VietnameseNames.nfc(decomposed)).isEqualTo("Nguyễn Thị Ánh Tuyết");
        assertThat(VietnameseNames.fold(decomposed)).isEqualTo("nguyen thi anh tuyet");
    }

    @Test
    void membersAreSortedByGivenNameThenWholeNameInVietnameseOrder() {
        List<String> names = List.of("Trần Văn Đặng", "Nguyễn Thị Ánh Tuyết", "Lê Thị Hường", "Phạm Văn Dũng",
                "Võ Thị Ân", "Hoàng Văn An", "Bùi Thị Ăn", "Lê Văn Hùng", "Đỗ Văn Huy", "Nguyễn Văn An");
        List<String> sorted = VietnameseNames.sorted(names, name -> name,
                name -> UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // a < ă < â and d < đ are letters of their own; given names first, then the whole name (Hoàng < Nguyễn)
        assertThat(sorted).containsExactly("Hoàng Văn An", "Nguyễn Văn An", "Bùi Thị Ăn", "Võ Thị Ân",
                "Phạm Văn Dũng", "Trần Văn Đặng", "Lê Văn Hùng", "Đỗ Văn Huy", "Lê Thị Hường",
                "Nguyễn Thị Ánh Tuyết");
        assertThat(VietnameseNames.givenName("Nguyễn Thị Ánh Tuyết")).isEqualTo("Tuyết");
        assertThat(VietnameseNames.givenName("Tuyết")).isEqualTo("Tuyết");
    }
}
