-- QĐ 387/QĐ-TTg approves a "Chương trình", not a "Đề án": the policy documents members study say so (KH 102
-- implements that programme). QĐ 1373 and QĐ 677 do approve Đề án and keep their wording.
update policy_documents
set title = 'Phê duyệt Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030”'
where code = 'QD-387-TTG';

update policy_documents
set title = 'Kế hoạch thực hiện Chương trình “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn vị giai đoạn 2021–2030” trên địa bàn tỉnh Đắk Lắk'
where code = 'KH-102-UBND';
