// The outline of "Báo cáo phục vụ Đoàn kiểm tra cải cách hành chính, chính quyền điện tử" as
// attached to KH 110/KH-UBND ngày 26/5/2023 (UBND thành phố Tây Ninh, document 003), transcribed
// from ../shared/data/inspection-outline.json. `audience`: 'phuongXa' items are for UBND phường,
// xã only, 'coQuanChuyenMon' items for the city's departments only; none means both. `check`
// marks the two rules the app can check (one apology per late dossier; 100 % incoming digitised).
import type { OutlineSection } from './inspection-outline';

export const OUTLINE_SOURCE = {
  plan: '110/KH-UBND',
  planDate: '2023-05-26',
  issuer: 'UBND thành phố Tây Ninh',
  title: 'Báo cáo phục vụ Đoàn kiểm tra cải cách hành chính, chính quyền điện tử',
  submitTo: 'Phòng Nội vụ',
} as const;

export const OUTLINE_110_2023: readonly OutlineSection[] = [
  {
    id: 'I',
    title: 'KẾT QUẢ THỰC HIỆN',
    children: [
      {
        id: 'I.1',
        title: 'Công tác chỉ đạo, điều hành',
        items: [
          {
            text: 'Tình hình ban hành các văn bản, tổ chức triển khai thực hiện nhiệm vụ tại cơ quan, đơn vị',
          },
          {
            text: 'Sáng kiến trong triển khai thực hiện công tác CCHC, chuyển đổi số.',
          },
          {
            text: 'Việc khắc phục những khó khăn trong thực hiện CCHC, chính quyền điện tử năm 2022.',
          },
        ],
      },
      {
        id: 'I.2',
        title: 'Công tác cải cách hành chính',
        children: [
          {
            id: 'I.2.1',
            title: 'Công tác tuyên truyền',
            items: [
              {
                text: 'Các hình thức tuyên truyền và tài liệu kiểm chứng khi Đoàn có yêu cầu.',
              },
              {
                text: 'Kết quả đăng tin bài trên Cổng thông tin điện tử thành phố hoặc phường, xã.',
              },
            ],
          },
          {
            id: 'I.2.2',
            title: 'Cải cách thể chế',
            items: [
              {
                text: 'Xây dựng Kế hoạch theo dõi thi hành pháp luật theo Kế hoạch số 17/KH-UBND ngày 19/01/2023 của UBND thành phố và ngành, lĩnh vực thuộc cơ quan, đơn vị quản lý phụ trách.',
              },
              {
                text: 'Việc thực hiện hoạt động theo dõi tình hình thi hành pháp luật theo đúng quy định tại Nghị định số 59/2012/NĐ-CP, Nghị định số 32/2020/NĐ-CP, Điều 4 Thông tư số 04/2021/TT-BTP và các văn bản hướng dẫn thi hành.',
              },
              {
                text: 'Báo cáo kết quả theo dõi định kỳ.',
              },
              {
                text: 'Xây dựng kế hoạch tự kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật theo Kế hoạch số 05/KH-UBND ngày 12/01/2023 của UBND thành phố.',
              },
              {
                text: 'Tiến hành rà soát tham mưu xử lý hoặc kiến nghị xử lý các văn bản quy phạm pháp luật do địa phương ban hành.',
              },
            ],
          },
          {
            id: 'I.2.3',
            title: 'Cải cách thủ tục hành chính',
            items: [
              {
                text: 'Kết quả rà soát TTHC; các nội dung còn thiếu sót của ngành cấp trên về TTHC,...',
              },
              {
                text: 'Tham mưu cập nhật TTHC theo quy định: Phối hợp hoặc kiến nghị cơ quan có thẩm quyền cập nhật đầy đủ các quy trình TTHC thuộc cấp huyện, cấp xã vào Cổng dịch vụ công tỉnh theo địa chỉ <http://dichvucong.tayninh.gov.vn> và Hệ thống một cửa điện tử tập trung của tỉnh tại địa chỉ <http://motcua.tayninh.gov.vn>.',
              },
              {
                text: 'Phối hợp hoặc kiến nghị cơ quan có thẩm quyền cập nhật đầy đủ các quy trình TTHC thuộc phường, xã vào Cổng dịch vụ công tỉnh theo địa chỉ <https://dichvucong.tayninh.gov.vn>.',
                audience: 'phuongXa',
              },
              {
                text: 'Thực hiện việc xin lỗi bằng văn bản với từng hồ sơ trễ hạn cụ thể. Không thực hiện việc xin lỗi chung trong một văn bản với nhiều hồ sơ cùng bị trễ hạn (kiểm tra hồ sơ thực tế).',
                check: 'apologyPerDossier',
              },
              {
                text: 'Kết quả tiếp nhận xử lý phản ánh kiến nghị (PAKN) về quy định hành chính, giải quyết TTHC Cổng Hành chính công tỉnh Tây Ninh trên ứng dụng Zalo, Cổng Dịch vụ công Quốc gia và số điện thoại đường dây nóng của tỉnh.',
              },
              {
                text: 'Ban hành các quy chế phối hợp liên thông trong giải quyết TTHC giữa các cơ quan cùng cấp và các cấp chính quyền.',
              },
              {
                text: 'Kết quả thực hiện số hóa TTHC, Dịch vụ công trực tuyến, thu phí trực tuyến và triển khai chữ ký số miễn phí cho tổ chức, cá nhân khi thực hiện TTHC trực tuyến.',
              },
            ],
          },
          {
            id: 'I.2.4',
            title: 'Cải cách tổ chức bộ máy hành chính nhà nước',
            items: [
              {
                text: 'Đối với các cơ quan chuyên môn thành phố: Kết quả thực hiện rà soát và kiện toàn chức năng, nhiệm vụ của các cơ quan chuyên môn theo hướng dẫn của ngành cấp trên.',
                audience: 'coQuanChuyenMon',
              },
              {
                text: 'Đối với UBND phường, xã: Thực hiện đúng quy định về phân cấp quản lý tổ chức bộ máy, biên chế, quản lý sử dụng cán bộ, công chức.',
                audience: 'phuongXa',
              },
            ],
          },
          {
            id: 'I.2.5',
            title: 'Cải cách chế độ công vụ',
            children: [
              {
                id: 'I.2.5.1',
                title: 'Đối với các cơ quan chuyên môn thành phố',
                audience: 'coQuanChuyenMon',
                items: [
                  {
                    text: 'Thực hiện đảm bảo cơ cấu ngạch công chức, biên chế, vị trí việc làm công chức đúng theo quy định.',
                  },
                  {
                    text: 'Văn bản phân công công chức của phòng chuyên môn thành phố.',
                  },
                  {
                    text: 'Thực hiện trình tự, thủ tục đánh giá, phân loại công chức theo quy định.',
                  },
                  {
                    text: 'Chấp hành kỷ cương, kỷ luật hành chính, liên quan đến kiểm tra công vụ.',
                  },
                  {
                    text: 'Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng công chức của cơ quan.',
                  },
                  {
                    text: 'Kết quả cập nhật phần mềm quản lý cán bộ, công chức, viên chức.',
                  },
                  {
                    text: 'Tỷ lệ công chức đạt chuẩn.',
                  },
                ],
              },
              {
                id: 'I.2.5.2',
                title: 'Đối với UBND phường, xã',
                audience: 'phuongXa',
                items: [
                  {
                    text: 'Kết quả bố trí, sử dụng công chức đảm bảo chuyên môn, chuyên ngành phù hợp với chức danh công chức theo quy định.',
                  },
                  {
                    text: 'Văn bản phân công của UBND phường, xã.',
                  },
                  {
                    text: 'Thực hiện trình tự, thủ tục đánh giá, phân loại cán bộ, công chức, người hoạt động không chuyên trách theo quy định.',
                  },
                  {
                    text: 'Chấp hành kỷ cương, kỷ luật hành chính, liên quan đến kiểm tra công vụ.',
                  },
                  {
                    text: 'Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức của đơn vị.',
                  },
                  {
                    text: 'Tỷ lệ cán bộ, công chức đạt chuẩn.',
                  },
                  {
                    text: 'Kết quả cập nhật phần mềm quản lý cán bộ, công chức, viên chức.',
                  },
                ],
              },
            ],
          },
          {
            id: 'I.2.6',
            title: 'Cải cách tài chính công',
            items: [
              {
                text: 'Kết quả tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách (nếu có).',
              },
              {
                text: 'Chấp hành pháp luật về thực hành tiết kiệm, chống lãng phí: Không có sai phạm trong việc Chấp hành pháp luật về thực hành tiết kiệm, chống lãng phí.',
              },
              {
                text: 'Thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại đơn vị.',
              },
              {
                text: 'Công tác báo cáo theo quy định cơ chế tự chủ, tự chịu trách nhiệm về quản lý, sử dụng kinh phí quản lý hành chính của cơ quan nhà nước.',
              },
              {
                text: 'Công tác quản lý, sử dụng tài sản công: Ban hành thay thế hoặc sửa đổi, bổ sung Quy chế quản lý sử dụng tài sản công tại các cơ quan, đơn vị thuộc phạm vi quản lý.',
              },
            ],
          },
          {
            id: 'I.2.7',
            title: 'Xây dựng và Phát triển Chính quyền điện tử, Chính quyền số',
            items: [
              {
                text: 'Kết quả sử dụng Hệ thống quản lý văn bản vào quản lý, điều hành theo đúng quy định.',
              },
              {
                text: 'Kết quả thực hiện trao đổi văn bản điện tử trên môi trường mạng.',
              },
              {
                text: 'Thực hiện liên thông văn bản điện tử đến cơ quan khác trong cùng hệ thống quản lý văn bản.',
              },
              {
                text: 'Tỷ lệ lãnh đạo đơn vị sử dụng chữ ký số chứng thực văn bản đúng quy định theo Quyết định số 07/2016/QĐ-UBND ngày 09/3/2016 của UBND tỉnh (dựa trên số lượng token chữ ký số đã được cung cấp).',
              },
              {
                text: 'Tỷ lệ các văn bản điện tử được ứng dụng chữ ký số chứng thực (các văn bản quy định tại Điều 6 của Quyết định số 07/2016/QĐ-UBND ngày 09/3/2016 của UBND tỉnh).',
              },
              {
                text: '100 % văn bản đến (bằng giấy hoặc tập tin văn bản điện tử .pdf) trước khi đưa lên hệ thống eGov phải được thực hiện số hóa (ký SAO Y) đúng theo quy định (kết quả số hóa văn bản đi, văn bản đến của cơ quan, đơn vị).',
                check: 'incomingDigitised',
              },
              {
                text: 'Kết quả cung cấp thông tin trên Cổng thông tin điện tử theo Công văn số 797/UBND ngày 27/5/2023 của UBND thành phố về quy định cổng thông tin điện tử thành phố, phường, xã và Kế hoạch số 31/KH-UBND ngày 29/02/2023 của UBND thành phố về tuyên truyền cải cách hành chính năm 2023 trên địa bàn thành phố Tây Ninh.',
              },
            ],
          },
        ],
      },
      {
        id: 'I.3',
        title: 'Công tác chuyển đổi số',
        items: [
          {
            text: 'Kết quả triển khai thực hiện chuyển đổi số: Kế hoạch chuyển đổi số năm 2023, Ban hành đầy đủ các quy chế, quy định hoặc kế hoạch, chỉ đạo thực hiện đổi các chỉ đạo điều hành liên quan.',
          },
          {
            text: 'Kết quả hoạt động của Tổ công nghệ số cộng đồng phường, xã (Phòng Chuyên môn không báo cáo nội dung này).',
            audience: 'phuongXa',
          },
          {
            text: 'Đánh giá việc cung cấp cơ sở hạ tầng phục vụ việc thực hiện chuyển đổi số trên địa bàn.',
          },
          {
            text: 'Kết quả xây dựng chính quyền số tại, phát triển kinh tế số tại địa phương, phát triển xã hội số tại địa phương.',
          },
        ],
      },
    ],
  },
  {
    id: 'II',
    title: 'ĐÁNH GIÁ CHUNG',
    items: [
      {
        text: 'Ưu điểm, những kết quả nổi bật đã đạt được của cơ quan.',
      },
      {
        text: 'Những khó khăn, vướng mắc, tồn tại, hạn chế của cơ quan trong quá trình triển khai, thực hiện.',
      },
      {
        text: 'Biện pháp khắc phục.',
      },
    ],
  },
  {
    id: 'III',
    title: 'KIẾN NGHỊ, ĐỀ XUẤT (nếu có).',
    optional: true,
  },
  {
    id: 'IV',
    title: 'CÁC PHỤ LỤC (nếu có).',
    optional: true,
  },
];
