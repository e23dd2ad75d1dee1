-- Criteria sets of the four learning models as data (the rules change by decree): the tree of criteria and items is a
-- JSON document checked by the application; a set is edited only while it is a draft and is never changed in use.
create table criteria_sets (
    id               bigint generated always as identity primary key,
    title            text        not null check (title in ('LEARNING_FAMILY', 'LEARNING_CLAN', 'LEARNING_COMMUNITY', 'LEARNING_UNIT')),
    level            text        not null check (level in ('HOUSEHOLD', 'CLAN', 'VILLAGE', 'COMMUNE', 'COMMUNE_MANAGED', 'PROVINCE_MANAGED')),
    name             text        not null check (length(name) between 1 and 300),
    legal_basis      text        not null check (length(legal_basis) between 1 and 120),
    legal_basis_date date,
    edition          int         not null check (edition >= 1),
    valid_from       date        not null,
    valid_to         date,
    status           text        not null check (status in ('DRAFT', 'IN_FORCE', 'RETIRED')),
    note             text        check (length(note) <= 1000),
    min_total        int         check (min_total >= 0),
    all_items_met    boolean     not null,
    level_two_min_total int      check (level_two_min_total >= 0),
    validity_years   int         not null check (validity_years between 1 and 10),
    definition       jsonb       not null,
    cloned_from      bigint      references criteria_sets (id),
    version          int         not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (title, level, edition),
    check (valid_to is null or valid_to >= valid_from),
    check ((title = 'LEARNING_FAMILY' and level = 'HOUSEHOLD') or (title = 'LEARNING_CLAN' and level = 'CLAN')
        or (title = 'LEARNING_COMMUNITY' and level in ('VILLAGE', 'COMMUNE'))
        or (title = 'LEARNING_UNIT' and level in ('COMMUNE_MANAGED', 'PROVINCE_MANAGED')))
);

insert into criteria_sets (title, level, name, legal_basis, legal_basis_date, edition, valid_from, status, note,
                           min_total, all_items_met, level_two_min_total, validity_years, definition) values
('LEARNING_FAMILY', 'HOUSEHOLD', 'Tiêu chí đánh giá, công nhận “Gia đình học tập”', 'QĐ 448/QĐ-KHVN', null, 1,
 '2021-01-01', 'IN_FORCE',
 'Theo Quyết định 448/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam (thang 100 điểm). Một số nội dung mục 2.3, 3, 4 '
 'chưa đối chiếu văn bản gốc: cần Hội Khuyến học tỉnh xác nhận, cùng ngày ban hành.',
 80, false, null, 1, '{"criteria": [
  {"code": "1", "name": "Học tập của trẻ em trong gia đình", "minPoints": 1, "items": [
    {"code": "1.1", "name": "Trẻ em trong độ tuổi đi học đều đến trường, hoàn thành chương trình", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "1.2", "name": "Kết quả học tập và rèn luyện của trẻ em", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "1.3", "name": "Trẻ em trung thực, tích cực tham gia hoạt động của trường, của thôn", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "2", "name": "Học tập của người lớn trong gia đình", "minPoints": 1, "items": [
    {"code": "2.1", "name": "Người từ 19 đến 60 tuổi biết chữ từ mức độ 1 trở lên", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "2.2", "name": "Mỗi người lớn học ít nhất một nội dung trong năm", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "2.3", "name": "Tham gia sinh hoạt, học tập tại trung tâm học tập cộng đồng, nhà văn hóa", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "3", "name": "Điều kiện học tập trong gia đình", "minPoints": 1, "items": [
    {"code": "3.1", "name": "Có góc học tập cho trẻ em", "kind": "POINTS", "maxPoints": 7, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "3.2", "name": "Có tủ sách, sách báo cho gia đình", "kind": "POINTS", "maxPoints": 6, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "3.3", "name": "Có đài, ti vi, máy tính hoặc kết nối internet phục vụ học tập", "kind": "POINTS", "maxPoints": 7, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "4", "name": "Hiệu quả học tập", "minPoints": 1, "items": [
    {"code": "4.1", "name": "Kinh tế gia đình ổn định, có việc làm", "kind": "POINTS", "maxPoints": 7, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "4.2", "name": "Giữ vững danh hiệu gia đình văn hóa", "kind": "POINTS", "maxPoints": 7, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "4.3", "name": "Các thành viên không vi phạm pháp luật", "kind": "POINTS", "maxPoints": 6, "evidenceRequired": false, "levelTwoOnly": false}]}
 ]}'),
('LEARNING_COMMUNITY', 'COMMUNE', 'Tiêu chí đánh giá, xếp loại “Cộng đồng học tập” cấp xã', 'TT 20/2023/TT-BGDĐT', null, 1,
 '2024-01-01', 'IN_FORCE',
 'Thông tư 20/2023/TT-BGDĐT (thay Thông tư 44/2014). Mức độ 1: đạt mọi chỉ tiêu mức 1; mức độ 2: đạt thêm các chỉ tiêu '
 'mức 2. Nội dung chỉ tiêu mức 2, ngày ban hành và ngày hiệu lực cần Hội Khuyến học tỉnh xác nhận.',
 null, true, null, 3, '{"criteria": [
  {"code": "TC1", "name": "Lãnh đạo, chỉ đạo", "minPoints": null, "items": [
    {"code": "1.1", "name": "Tổ chức tuyên truyền, nâng cao nhận thức về xây dựng xã hội học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "1.2", "name": "Có kế hoạch xây dựng xã hội học tập hằng năm và tổ chức thực hiện", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "1.3", "name": "Có kế hoạch và báo cáo tổ chức Tuần lễ hưởng ứng học tập suốt đời (1–7/10)", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "1.4", "name": "Ứng dụng công nghệ thông tin trong quản lý, theo dõi xây dựng xã hội học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": true}]},
  {"code": "TC2", "name": "Nguồn lực", "minPoints": null, "items": [
    {"code": "2.1", "name": "Bố trí ngân sách cho xây dựng xã hội học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "2.2", "name": "Huy động các nguồn lực xã hội", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "2.3", "name": "Phối hợp giữa Hội Khuyến học, các đoàn thể, trường học và thiết chế văn hóa", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "TC3", "name": "Hiệu quả hoạt động của trung tâm học tập cộng đồng, trường học, thư viện, nhà văn hóa", "minPoints": null, "items": [
    {"code": "3.1", "name": "Trung tâm học tập cộng đồng hoạt động hiệu quả", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "3.2", "name": "Trường học trên địa bàn đạt chuẩn, huy động trẻ trong độ tuổi đến trường", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "3.3", "name": "Thư viện, nhà văn hóa, điểm bưu điện văn hóa phục vụ học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "3.4", "name": "Tỷ lệ hộ được công nhận Gia đình học tập đạt chỉ tiêu của tỉnh", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": true}]}
 ]}'),
('LEARNING_UNIT', 'PROVINCE_MANAGED', 'Tiêu chí đánh giá, xếp loại “Đơn vị học tập” cấp tỉnh', 'TT 24/2023/TT-BGDĐT', null, 1,
 '2024-01-01', 'IN_FORCE',
 'Thông tư 24/2023/TT-BGDĐT: đạt mọi chỉ tiêu, không chấm điểm; minh chứng trong năm 1/1–31/12, hồ sơ nộp trước 15/01 '
 'năm sau; Chủ tịch UBND tỉnh công nhận theo đề nghị của Sở GD&ĐT. Chỉ tiêu mức 2, ngày ban hành và ngày hiệu lực cần Hội Khuyến học tỉnh xác nhận.',
 null, true, null, 3, '{"criteria": [
  {"code": "TC1", "name": "Điều kiện thực hiện", "minPoints": null, "items": [
    {"code": "1.1", "name": "Có kế hoạch xây dựng đơn vị học tập hằng năm", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "1.2", "name": "Bố trí kinh phí, thời gian cho thành viên học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "1.3", "name": "Có tủ sách, thư viện hoặc tài liệu điện tử phục vụ học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "TC2", "name": "Kết quả học tập của thành viên", "minPoints": null, "items": [
    {"code": "2.1", "name": "Thành viên tham gia học tập, bồi dưỡng nâng cao trình độ theo kế hoạch", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "2.2", "name": "Thành viên hoàn thành nhiệm vụ được giao", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "TC3", "name": "Hiệu quả", "minPoints": null, "items": [
    {"code": "3.1", "name": "Ít nhất 90% thành viên đạt danh hiệu Công dân học tập", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "3.2", "name": "Ít nhất 95% người học trong cơ sở giáo dục hoàn thành chương trình", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "3.3", "name": "Đơn vị đạt danh hiệu “Tập thể lao động tiên tiến” trở lên", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": false},
    {"code": "3.4", "name": "Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc”", "kind": "PASS_FAIL", "maxPoints": null, "evidenceRequired": true, "levelTwoOnly": true}]}
 ]}'),
('LEARNING_CLAN', 'CLAN', 'Tiêu chí “Dòng họ học tập” (bản nháp)', 'Chưa có văn bản', null, 1, '2021-01-01', 'DRAFT',
 'BẢN NHÁP giữ chỗ: tiêu chí và thang điểm cần Hội Khuyến học tỉnh xác nhận trước khi ban hành.',
 80, false, null, 1, '{"criteria": [
  {"code": "1", "name": "Tổ chức phong trào khuyến học trong dòng họ", "minPoints": 1, "items": [
    {"code": "1.1", "name": "Có ban khuyến học và quỹ khuyến học của dòng họ", "kind": "POINTS", "maxPoints": 20, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "1.2", "name": "Có quy ước, kế hoạch học tập của dòng họ", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "2", "name": "Tỷ lệ gia đình học tập trong dòng họ", "minPoints": 1, "items": [
    {"code": "2.1", "name": "Ít nhất 70% hộ trong dòng họ đạt Gia đình học tập", "kind": "POINTS", "maxPoints": 40, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "3", "name": "Hiệu quả học tập", "minPoints": 1, "items": [
    {"code": "3.1", "name": "Con cháu trong độ tuổi đi học đến trường đầy đủ", "kind": "POINTS", "maxPoints": 15, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "3.2", "name": "Không có thành viên vi phạm pháp luật, tệ nạn xã hội", "kind": "POINTS", "maxPoints": 15, "evidenceRequired": false, "levelTwoOnly": false}]}
 ]}'),
('LEARNING_COMMUNITY', 'VILLAGE', 'Tiêu chí “Cộng đồng học tập” cấp thôn, buôn, tổ dân phố (bản nháp)', 'Chưa có văn bản', null, 1,
 '2021-01-01', 'DRAFT',
 'BẢN NHÁP giữ chỗ: tiêu chí và thang điểm cần Hội Khuyến học tỉnh xác nhận trước khi ban hành.',
 80, false, null, 1, '{"criteria": [
  {"code": "1", "name": "Tổ chức, lãnh đạo", "minPoints": 1, "items": [
    {"code": "1.1", "name": "Có chi hội khuyến học hoạt động thường xuyên", "kind": "POINTS", "maxPoints": 20, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "1.2", "name": "Có kế hoạch học tập của cộng đồng, được hội nghị thôn thông qua", "kind": "POINTS", "maxPoints": 10, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "2", "name": "Kết quả", "minPoints": 1, "items": [
    {"code": "2.1", "name": "Ít nhất 70% hộ đạt Gia đình học tập", "kind": "POINTS", "maxPoints": 40, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "2.2", "name": "Trẻ em trong độ tuổi đi học đến trường đầy đủ", "kind": "POINTS", "maxPoints": 15, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "2.3", "name": "Điểm sinh hoạt cộng đồng, nhà văn hóa phục vụ học tập", "kind": "POINTS", "maxPoints": 15, "evidenceRequired": false, "levelTwoOnly": false}]}
 ]}'),
('LEARNING_UNIT', 'COMMUNE_MANAGED', 'Tiêu chí “Đơn vị học tập” do xã quản lý (bản nháp)', 'Chưa có văn bản', null, 1,
 '2021-01-01', 'DRAFT',
 'BẢN NHÁP giữ chỗ: tiêu chí và thang điểm cần Hội Khuyến học tỉnh xác nhận trước khi ban hành.',
 80, false, null, 1, '{"criteria": [
  {"code": "1", "name": "Điều kiện học tập", "minPoints": 1, "items": [
    {"code": "1.1", "name": "Có kế hoạch học tập của đơn vị", "kind": "POINTS", "maxPoints": 20, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "1.2", "name": "Bố trí thời gian, kinh phí cho học tập", "kind": "POINTS", "maxPoints": 20, "evidenceRequired": false, "levelTwoOnly": false}]},
  {"code": "2", "name": "Kết quả học tập của thành viên", "minPoints": 1, "items": [
    {"code": "2.1", "name": "Thành viên đạt Công dân học tập", "kind": "POINTS", "maxPoints": 30, "evidenceRequired": false, "levelTwoOnly": false},
    {"code": "2.2", "name": "Đơn vị hoàn thành nhiệm vụ trong năm", "kind": "POINTS", "maxPoints": 30, "evidenceRequired": false, "levelTwoOnly": false}]}
 ]}');
