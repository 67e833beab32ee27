// Every user-facing text of the package services (main/services/package-format/: keys, certificates,
// bags, CMS, verification), in Vietnamese. The renderer only ever sees these strings as ApiError
// messages or VerifyReport problems.

const q = (s: string) => `“${s}”`;

export const viPackages = {
  keys: {
    badPassphrase: 'Sai mật khẩu bảo vệ khóa ký.',
    shortPassphrase: 'Mật khẩu bảo vệ khóa ký phải có ít nhất 8 ký tự.',
    sealedCorrupt: 'Tệp khóa ký bị hỏng hoặc không đúng định dạng.',
    noIdentity: 'Máy này chưa có khóa ký. Hãy tạo khóa ký hoặc nhập chứng thư số của cơ quan.',
    identityCorrupt: 'Tệp thông tin khóa ký (identity.json) bị hỏng.',
    wrongProtector: (kind: 'passphrase' | 'os-keychain') =>
      kind === 'passphrase'
        ? 'Khóa ký được bảo vệ bằng mật khẩu; hãy nhập mật khẩu bảo vệ khóa ký.'
        : 'Khóa ký được bảo vệ bằng kho khóa của hệ điều hành; hãy mở trên đúng máy và tài khoản đã tạo khóa.',
    keychainUnavailable: 'Kho khóa của hệ điều hành không dùng được trên máy này; khóa ký sẽ được bảo vệ bằng mật khẩu.',
    keychainFailed:
      'Kho khóa của hệ điều hành không mở được khóa ký (có thể khóa được tạo ở máy hoặc tài khoản Windows/macOS khác). Hãy đăng nhập đúng tài khoản đã tạo khóa, hoặc tạo khóa mới.',
    keyMismatch: 'Khóa bí mật không khớp với chứng thư số.',
    keyUnsupported: 'Chỉ hỗ trợ khóa RSA (từ 2048 bit) hoặc ECDSA P-256.',
    badP12Password: 'Sai mật khẩu của tệp chứng thư số (PKCS#12).',
    p12Unreadable: 'Không đọc được tệp chứng thư số: tệp không phải PKCS#12 (.p12, .pfx) hoặc đã hỏng.',
    p12NoKey: 'Tệp chứng thư số không chứa khóa bí mật.',
    p12NoMatchingCert: 'Tệp chứng thư số không có chứng thư khớp với khóa bí mật.',
    certUnreadable: 'Không đọc được chứng thư số (X.509).',
    certExpired: (date: string) => `Chứng thư số đã hết hạn ngày ${date}. Hãy dùng chứng thư số còn hiệu lực.`,
    certNotYetValid: (date: string) => `Chứng thư số chỉ có hiệu lực từ ngày ${date}; hãy kiểm tra lại đồng hồ của máy.`,
    certExpiresSoon: (date: string, days: number) =>
      `Chứng thư số sẽ hết hạn ngày ${date} (còn ${days} ngày). Hãy gia hạn hoặc thay chứng thư số trước khi gửi hồ sơ.`,
    badName: (field: string) => `Thông tin ${q(field)} của chứng thư số không được để trống.`,
  },

  bag: {
    badBagName: (name: string) => `Tên gói ${q(name)} không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (tối đa 80 ký tự).`,
    emptyPayload: 'Gói không có tệp nội dung nào.',
    nonAscii: (p: string) => `Tên tệp ${q(p)} có chữ có dấu hoặc ký tự đặc biệt; tên tệp trong gói chỉ dùng chữ không dấu.`,
    badChar: (p: string, c: string) => `Tên tệp ${q(p)} có ký tự ${q(c)} không dùng được trong tên tệp trên Windows.`,
    badSegment: (p: string) =>
      `Tên tệp ${q(p)} có phần đường dẫn không hợp lệ (rỗng, “.”, “..”, bắt đầu bằng khoảng trắng hoặc kết thúc bằng dấu chấm, khoảng trắng).`,
    reservedName: (p: string, seg: string) => `Tên tệp ${q(p)} dùng tên ${q(seg)} mà Windows dành riêng cho thiết bị.`,
    tooLong: (p: string, n: number, max: number) => `Đường dẫn ${q(p)} dài ${n} ký tự, quá ${max} ký tự an toàn cho Windows. Hãy rút gọn tên tệp.`,
    duplicate: (p: string) => `Tệp ${q(p)} xuất hiện hai lần trong gói (tên trùng nhau khi không phân biệt chữ hoa, chữ thường).`,
    sourceMissing: (p: string) => `Không đọc được tệp nguồn của ${q(p)}.`,
    sourceChanged: (p: string) => `Tệp ${q(p)} đã thay đổi trong khi đóng gói. Hãy đóng gói lại.`,
    sourceCorrupt: (p: string) =>
      `Tệp ${q(p)} trên máy không còn đúng nội dung lúc được tải lên (mã băm khác) — có thể ổ đĩa đã làm hỏng tệp. Hãy tải lại tài liệu này cho tiêu chí rồi đóng gói lại.`,
    missingField: (f: string) => `Thiếu trường ${q(f)} trong thông tin gói (bag-info.txt).`,
    reservedField: (f: string) => `Trường ${q(f)} do ứng dụng tự tính, không được đặt sẵn.`,
    badField: (f: string) => `Trường ${q(f)} của thông tin gói không hợp lệ: tên chỉ gồm chữ không dấu, chữ số, gạch ngang; giá trị không được xuống dòng.`,
    invalid: 'Không tạo được gói hồ sơ: thông tin đầu vào không hợp lệ.',
  },

  pdf: {
    notPdf: 'Tệp không phải PDF hoặc đã hỏng, không ký được.',
    alreadySigned: 'Tệp PDF đã có chữ ký số; ký lại sẽ làm mất hiệu lực chữ ký đó, nên tệp được giữ nguyên.',
  },

  /** One message per verification check; each names the file it is about. */
  verify: {
    notZip: 'Tệp gói không phải tệp ZIP hoặc tệp bị cắt dở (chưa tải hoặc chép xong). Hãy lấy lại tệp gói từ nơi gửi rồi kiểm tra lại.',
    tooManyEntries: (n: number, max: number) => `Gói có ${n} mục, vượt quá giới hạn ${max} mục.`,
    tooLarge: (max: string) => `Tổng dung lượng các tệp trong gói vượt quá giới hạn ${max}.`,
    nonAsciiName: (p: string) => `Mục ${q(p)}: tên có ký tự không phải ASCII hoặc ký tự điều khiển.`,
    backslash: (p: string) => `Mục ${q(p)}: tên có dấu gạch ngược “\\”.`,
    absolutePath: (p: string) => `Mục ${q(p)}: đường dẫn tuyệt đối, không được phép trong gói.`,
    dotSegment: (p: string) => `Mục ${q(p)}: đường dẫn có “..” hoặc “.” hoặc phần rỗng (có thể ghi ra ngoài thư mục giải nén).`,
    duplicateEntry: (p: string) => `Mục ${q(p)} xuất hiện nhiều lần trong tệp ZIP.`,
    symlink: (p: string) => `Mục ${q(p)} là liên kết tượng trưng (symlink), không được phép trong gói.`,
    compressed: (p: string, method: number) =>
      `Mục ${q(p)} được nén (phương thức ${method}); gói chỉ chấp nhận tệp lưu không nén nên mục này không được giải nén.`,
    encrypted: (p: string) => `Mục ${q(p)} được mã hóa, không được phép trong gói.`,
    sizeMismatch: (p: string, declared: number, stored: number) => `Mục ${q(p)}: kích thước khai báo (${declared} byte) khác kích thước lưu (${stored} byte).`,
    outOfBounds: (p: string) => `Mục ${q(p)}: kích thước khai báo vượt ra ngoài tệp ZIP (kích thước bị khai man hoặc tệp bị cắt cụt).`,
    dirWithData: (p: string) => `Mục ${q(p)} là thư mục nhưng lại chứa dữ liệu.`,
    sizesExceedFile: 'Tổng kích thước khai báo của các mục lớn hơn chính tệp ZIP: các mục chồng lên nhau hoặc kích thước bị khai man.',
    localHeader: (p: string, detail: string) => `Mục ${q(p)}: phần đầu cục bộ không khớp với mục lục ZIP (${detail}).`,
    /** What differs between an entry's local header and the central directory (the detail above). */
    headerField: { name: 'tên', method: 'phương thức nén', crc: 'CRC-32', size: 'kích thước' } satisfies Record<'name' | 'method' | 'crc' | 'size', string>,
    crc: (p: string) => `Mục ${q(p)}: mã kiểm tra CRC-32 không khớp, dữ liệu đã bị hỏng.`,
    shortRead: (p: string) => `Mục ${q(p)}: đọc được ít dữ liệu hơn kích thước khai báo.`,
    topFolder: (names: string[]) =>
      names.length === 0 ? 'Gói không có thư mục gốc.' : `Gói phải có đúng một thư mục gốc; tìm thấy: ${names.map(q).join(', ')}.`,
    looseEntry: (p: string) => `Mục ${q(p)} nằm ngoài thư mục gốc của gói.`,
    missingTagFile: (p: string) => `Thiếu tệp ${q(p)} của gói BagIt.`,
    unexpectedFile: (p: string) => `Tệp ${q(p)} nằm ngoài thư mục data/ và không được liệt kê trong tagmanifest-sha256.txt (không được ký).`,
    tagFileTooLarge: (p: string) => `Tệp ${q(p)} lớn bất thường cho một tệp khai báo của gói.`,
    bagitTxt: (p: string) => `Tệp ${q(p)} phải ghi đúng “BagIt-Version: 1.0” và “Tag-File-Character-Encoding: UTF-8”.`,
    notUtf8: (p: string) => `Tệp ${q(p)} không phải văn bản UTF-8 hợp lệ.`,
    bagInfoLine: (p: string, line: number) => `Tệp ${q(p)}, dòng ${line}: không đúng dạng “Tên-trường: giá trị”.`,
    bagInfoMissing: (p: string, field: string) => `Tệp ${q(p)} thiếu trường ${q(field)}.`,
    bagInfoRepeated: (p: string, field: string) => `Tệp ${q(p)} có trường ${q(field)} lặp lại.`,
    oxumFormat: (p: string, v: string) => `Tệp ${q(p)}: Payload-Oxum ${q(v)} không đúng dạng “số-byte.số-tệp”.`,
    oxum: (declared: string, actual: string) =>
      `Payload-Oxum trong bag-info.txt là ${declared} nhưng thư mục data/ thực có ${actual} (byte.tệp): nội dung gói đã bị thêm hoặc bớt.`,
    manifestLine: (p: string, line: number) => `Tệp ${q(p)}, dòng ${line}: không đúng dạng “<sha256> <đường dẫn>”.`,
    manifestPath: (p: string, line: number, entry: string) => `Tệp ${q(p)}, dòng ${line}: đường dẫn ${q(entry)} không hợp lệ cho tệp kê khai này.`,
    manifestDuplicate: (p: string, entry: string) => `Tệp ${q(p)} liệt kê ${q(entry)} nhiều lần.`,
    payloadMissing: (entry: string) => `Tệp ${q(entry)} có trong manifest-sha256.txt nhưng không có trong gói.`,
    payloadUnlisted: (entry: string) => `Tệp ${q(entry)} có trong gói nhưng không được liệt kê trong manifest-sha256.txt.`,
    payloadHash: (entry: string, expected: string, actual: string) =>
      `Tệp ${q(entry)} đã bị thay đổi: SHA-256 trong manifest-sha256.txt là ${expected}, thực tế là ${actual}.`,
    tagMissing: (entry: string) => `Tệp ${q(entry)} có trong tagmanifest-sha256.txt nhưng không có trong gói.`,
    tagUnlisted: (entry: string) => `Tệp ${q(entry)} không được liệt kê trong tagmanifest-sha256.txt nên không được chữ ký bảo vệ.`,
    tagHash: (entry: string, expected: string, actual: string) =>
      `Tệp ${q(entry)} đã bị thay đổi: SHA-256 trong tagmanifest-sha256.txt là ${expected}, thực tế là ${actual}.`,
    signature: (p: string, why: string) => `Chữ ký số ${q(p)} không hợp lệ: ${why}.`,
    signedFileChanged: (p: string, sig: string) => `Tệp ${q(p)} đã bị thay đổi sau khi ký: chữ ký số ${q(sig)} không còn khớp với nội dung.`,
    signer: (expected: string, actual: string) => `Gói được ký bằng chứng thư số khác với chứng thư đã đăng ký (mong đợi ${expected}, thực tế ${actual}).`,
    notVerified: 'Gói chưa được kiểm tra hoặc kiểm tra không đạt; không đọc nội dung.',
    notInPackage: (entry: string) => `Tệp ${q(entry)} không thuộc nội dung đã kiểm tra của gói.`,
    tooBigToRead: (entry: string) => `Tệp ${q(entry)} quá lớn để đọc vào bộ nhớ.`,
    changedSinceVerify: (entry: string) => `Tệp ${q(entry)} đã thay đổi sau khi kiểm tra gói.`,
  },

  /** The signer certificate itself (cert-check.ts): each message names the certificate (holder + fingerprint). */
  cert: {
    label: (holder: string, fingerprint: string) => `chứng thư số ${q(holder)} (dấu vân tay SHA-256 ${fingerprint})`,
    unreadable: 'Chứng thư số của người ký không đọc được (không phải X.509 hợp lệ).',
    badSelfSignature: (label: string) =>
      `Chữ ký trên ${label} không hợp lệ: chứng thư tự cấp nhưng không khớp với khóa của chính nó (nội dung chứng thư đã bị sửa).`,
    badIssuerSignature: (label: string) =>
      `Chữ ký trên ${label} không khớp với chứng thư của đơn vị cấp (nội dung chứng thư đã bị sửa hoặc cấp bởi đơn vị khác).`,
    issuerMissing: (label: string, issuer: string) =>
      `Không kiểm tra được chữ ký trên ${label}: gói không kèm chứng thư của đơn vị cấp ${q(issuer)} và máy này chưa có chứng thư đó (hoặc nội dung chứng thư đã bị sửa).`,
    notCa: (label: string) =>
      `${label} không phải chứng thư của tổ chức cấp chứng thư (thiếu CA:true hoặc quyền keyCertSign) nên không được dùng để cấp chứng thư khác.`,
    outsideValidity: (label: string, at: string, from: string, to: string) =>
      `Lúc ký (${at}), ${label} không còn hoặc chưa có hiệu lực (hiệu lực từ ${from} đến ${to}).`,
    usage: (label: string) => `${label} không được phép dùng để ký số (keyUsage không có digitalSignature hoặc nonRepudiation).`,
    tooDeep: 'Chuỗi chứng thư số quá dài (hơn 8 cấp).',
  },

  /** Why a detached CMS signature did not verify (completes messages.verify.signature). */
  cms: {
    malformed: 'tệp chữ ký không đúng cấu trúc CMS/PKCS#7',
    notSignedData: 'tệp chữ ký không phải dạng SignedData',
    notDetached: 'chữ ký không ở dạng tách rời (detached)',
    signerCount: 'tệp chữ ký phải có đúng một người ký',
    noSignedAttributes: 'thiếu các thuộc tính được ký (signed attributes)',
    noCertificate: 'tệp chữ ký không kèm chứng thư số của người ký',
    unsupportedDigest: 'thuật toán băm không phải SHA-256',
    unsupportedKey: 'loại khóa ký không được hỗ trợ',
    contentType: 'thuộc tính contentType không phải “data”',
    noDigest: 'thiếu thuộc tính messageDigest',
    digestMismatch: 'nội dung được ký đã bị thay đổi (giá trị băm không khớp)',
    badSignature: 'chữ ký không khớp với chứng thư số kèm theo',
  },
} as const;
