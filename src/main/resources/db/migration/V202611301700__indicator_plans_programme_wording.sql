-- QĐ 387/QĐ-TTg approves a "Chương trình", not a "Đề án": the stored plan titles say so (KH 102 implements that
-- programme). QĐ 677/QĐ-TTg does approve a Đề án and keeps its wording.
update plans
set title = 'Phê duyệt Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030”'
where code = 'QĐ 387/QĐ-TTg';

update plans
set title = 'Kế hoạch thực hiện Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030” trên địa bàn tỉnh Đắk Lắk'
where code = 'KH 102/KH-UBND';
