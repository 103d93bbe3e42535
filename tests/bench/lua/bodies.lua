-- Submission bodies: a complaint with identity (70 %), else a suggestion or
-- an input, some without a name. Needs the global `categories`.

local subjects = {
    "Izin PBG belum terbit", "Permohonan NIB ditolak sistem OSS",
    "Persetujuan lingkungan belum diproses", "Surat keterangan usaha lambat diproses",
    "Petugas loket tidak ramah", "Dugaan pungutan liar di loket pelayanan",
    "Persyaratan izin tidak jelas", "Laporan LKPM tidak bisa dikirim",
    "Usaha beroperasi tanpa izin", "Saran penambahan kursi ruang tunggu",
}
local openers = {
    "Sudah lebih dari 30 hari permohonan saya belum ada kabar.",
    "Saya sudah datang tiga kali ke kantor namun belum ada kejelasan.",
    "Status di sistem OSS masih menunggu verifikasi.",
    "Kami pelaku usaha kecil yang membutuhkan izin ini segera.",
    "Informasi di website berbeda dengan yang disampaikan petugas.",
}
local details = {
    "Dokumen sudah lengkap sesuai daftar persyaratan.",
    "Tidak ada pemberitahuan melalui email maupun WhatsApp.",
    "Saya diminta membayar biaya di luar ketentuan.",
    "Sistem menampilkan pesan galat saat mengunggah berkas.",
    "Mohon dijelaskan berapa lama waktu penyelesaiannya.",
}
local first_names = { "I Wayan", "Ni Made", "I Nyoman", "Ni Ketut", "I Gede", "Ni Luh", "I Putu", "Ni Kadek" }
local last_names = { "Sudarma", "Astawa", "Suardana", "Artini", "Suryani", "Mahendra", "Adnyana", "Widiastuti" }
local places = { "Bangli", "Kintamani", "Susut", "Tembuku" }

local function pick(list) return list[math.random(#list)] end

function submission_body()
    local r = math.random()
    local kind = r < 0.7 and "complaint" or (r < 0.88 and "suggestion" or "input")
    local name = pick(first_names) .. " " .. pick(last_names)
    local reporter = ""
    if kind == "complaint" then
        local nik = string.format("510601%02d%02d%02d%04d",
            math.random(1, 28), math.random(1, 12), math.random(60, 99), math.random(1, 9999))
        reporter = string.format(
            ',"reporter":{"name":"%s","id_type":"ktp","id_number":"%s","address":"Jl. Merdeka No. %d, %s","phone":"+62812%07d"}',
            name, nik, math.random(1, 120), pick(places), math.random(0, 9999999))
    elseif math.random() < 0.6 then
        reporter = string.format(',"reporter":{"name":"%s"}', name)
    end
    return string.format(
        '{"kind":"%s","category_id":"%s","subject":"%s","description":"%s %s Nomor permohonan %d."%s}',
        kind, pick(categories), pick(subjects), pick(openers), pick(details),
        math.random(100000, 999999), reporter)
end

local json_headers = { ["Content-Type"] = "application/json" }

function submission_request()
    return wrk.format("POST", "/api/v1/complaints", json_headers, submission_body())
end
