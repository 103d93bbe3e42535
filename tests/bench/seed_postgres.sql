-- Seeds a benchmark data set straight in SQL, on a database that the server
-- has already migrated and seeded (divisions, categories, holidays, admin).
--
--   psql -v ON_ERROR_STOP=1 -v n=100000 -f tests/bench/seed_postgres.sql DB
--
-- n complaints received over 2026 (register 2026, numbers 1..n in order of
-- receipt), each with 2-5 timeline events, and attachment rows (no files) for
-- about 60 % of complaints. Realistic spread of kind, channel, category,
-- division and status (older complaints are mostly closed or archived, the
-- last days mostly open). Deterministic: setseed() plus values derived from
-- the row number. Secondary indexes are dropped during the load and rebuilt
-- from their own definitions (pg_indexes), so the schema ends as migrated.
--
-- Also creates two helper functions that pgbench uses (tests/bench/pgbench):
-- bench_encode(x) writes x in the tracking-code alphabet as XXXX-XXXX-XXXX and
-- bench_code(k) is the tracking code of the k-th seeded complaint
-- (k * P mod 30^12 is a bijection because P is prime to 30, so codes are unique).

\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';
SELECT setseed(0.2026);

CREATE OR REPLACE FUNCTION bench_encode(x bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 17714700000000000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 590490000000000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 19683000000000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 656100000000 % 30)::int + 1, 1)
    || '-'
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 21870000000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 729000000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 24300000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 810000 % 30)::int + 1, 1)
    || '-'
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 27000 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 900 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 / 30 % 30)::int + 1, 1)
    || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', ($1 % 30)::int + 1, 1)
$$;

-- k <= 2 300 000 (k * P must fit in a bigint).
CREATE OR REPLACE FUNCTION bench_code(k bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT bench_encode(($1 * 4000000000037) % 531441000000000000)
$$;

-- A UUIDv7-shaped id (time-ordered like the server's Uuid::now_v7) for a
-- timestamp, with the random part taken from md5(salt).
CREATE OR REPLACE FUNCTION bench_uuid(at timestamp, salt text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT substr(lpad(to_hex((extract(epoch FROM $1) * 1000)::bigint), 12, '0'), 1, 8) || '-'
    || substr(lpad(to_hex((extract(epoch FROM $1) * 1000)::bigint), 12, '0'), 9, 4) || '-7'
    || substr(md5($2), 1, 3) || '-8' || substr(md5($2), 4, 3) || '-' || substr(md5($2), 7, 12)
$$;

CREATE TEMP TABLE bench_cat AS
SELECT code, id, resolution_days, default_division_id FROM categories;

CREATE TEMP TABLE bench_subject (code text, k int, subject text);
INSERT INTO bench_subject VALUES
 ('PERIZINAN', 1, 'Izin PBG belum terbit'),
 ('PERIZINAN', 2, 'Permohonan NIB ditolak sistem OSS'),
 ('PERIZINAN', 3, 'Persetujuan lingkungan belum diproses'),
 ('PERIZINAN', 4, 'Sertifikat standar usaha belum diverifikasi'),
 ('NON-PERIZINAN', 1, 'Surat rekomendasi belum selesai'),
 ('NON-PERIZINAN', 2, 'Surat keterangan usaha lambat diproses'),
 ('NON-PERIZINAN', 3, 'Legalisir dokumen perizinan ditolak'),
 ('NON-PERIZINAN', 4, 'Rekomendasi teknis belum diterbitkan'),
 ('INVESTASI', 1, 'Informasi peluang investasi pariwisata'),
 ('INVESTASI', 2, 'Fasilitasi investor di Kintamani'),
 ('INVESTASI', 3, 'Data potensi investasi tidak lengkap'),
 ('INVESTASI', 4, 'Insentif penanaman modal tidak jelas'),
 ('PENGAWASAN', 1, 'Usaha beroperasi tanpa izin'),
 ('PENGAWASAN', 2, 'Laporan LKPM tidak bisa dikirim'),
 ('PENGAWASAN', 3, 'Bangunan tidak sesuai PBG'),
 ('PENGAWASAN', 4, 'Pemeriksaan lapangan tidak dilakukan'),
 ('PETUGAS', 1, 'Petugas loket tidak ramah'),
 ('PETUGAS', 2, 'Dugaan pungutan liar di loket pelayanan'),
 ('PETUGAS', 3, 'Petugas meminta biaya tambahan'),
 ('PETUGAS', 4, 'Antrean loket tidak tertib'),
 ('INFORMASI', 1, 'Persyaratan izin tidak jelas'),
 ('INFORMASI', 2, 'Biaya layanan tidak diumumkan'),
 ('INFORMASI', 3, 'Jam layanan tidak sesuai pengumuman'),
 ('INFORMASI', 4, 'Informasi prosedur OSS membingungkan'),
 ('LAINNYA', 1, 'Saran penambahan kursi ruang tunggu'),
 ('LAINNYA', 2, 'Parkir kantor pelayanan penuh'),
 ('LAINNYA', 3, 'Website layanan sering tidak bisa diakses'),
 ('LAINNYA', 4, 'Usulan layanan jemput bola ke desa');

ANALYZE bench_cat;
ANALYZE bench_subject;

CREATE TEMP TABLE bench_path (status text PRIMARY KEY, path text[]);
INSERT INTO bench_path VALUES
 ('received', '{}'),
 ('needs_info', '{info_requested}'),
 ('verified', '{verified}'),
 ('rejected', '{rejected}'),
 ('dispositioned', '{verified,dispositioned}'),
 ('in_progress', '{verified,dispositioned,started}'),
 ('resolved', '{verified,dispositioned,started,resolved}'),
 ('closed', '{verified,dispositioned,started,resolved,closed}'),
 ('archived', '{verified,dispositioned,started,resolved,closed,archived}');
ANALYZE bench_path;

-- Secondary indexes off during the load, rebuilt at the end.
CREATE TEMP TABLE bench_saved_indexes AS
SELECT indexname, indexdef FROM pg_indexes
WHERE schemaname = 'public'
  AND tablename IN ('complaints', 'complaint_events', 'attachments')
  AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexname FROM bench_saved_indexes LOOP
        EXECUTE format('DROP INDEX %I', r.indexname);
    END LOOP;
END $$;

-- Foreign-key triggers off during the load (the rows are consistent by construction).
SET session_replication_role = replica;

INSERT INTO complaints (
    id, tracking_code, register_year, register_seq, kind, channel, status, category_id,
    subject, description, incident_date, incident_place,
    reporter_name, reporter_id_type, reporter_id_number, reporter_address, reporter_phone, reporter_email,
    is_anonymous, is_confidential, req_identity, req_address, req_evidence,
    division_id, assignee_id, rejection_reason, duplicate_of_id, resolution,
    received_at, received_on, target_days, extension_days, paused_days, waiting_since,
    verification_due_on, resolution_due_on, reporter_due_on, sla_due_on, sla_at_risk_on,
    verified_at, resolved_at, closed_at, archived_at,
    external_system, external_id, external_status, created_by_id,
    search_text, version, created_at, updated_at)
SELECT
    bench_uuid(s.received_at, 'c' || s.i),
    s.code, 2026, s.i, s.kind, s.channel, s.status, c.id,
    j.subject, s.description,
    CASE WHEN s.r_inc < 0.5 THEN s.received_on - (s.i % 30)::int END,
    CASE WHEN s.r_inc < 0.4 THEN s.place END,
    s.reporter_name,
    CASE WHEN s.kind = 'complaint' THEN 'ktp' END,
    CASE WHEN s.kind = 'complaint' THEN '510601' || lpad((1 + s.i % 28)::text, 2, '0') || lpad((1 + s.i % 12)::text, 2, '0')
        || lpad((60 + s.i % 40)::text, 2, '0') || lpad((1 + s.i % 9999)::text, 4, '0') END,
    CASE WHEN s.kind = 'complaint' THEN 'Jl. ' || (ARRAY['Merdeka', 'Nusantara', 'Brigjen Ngurah Rai', 'Kusuma Yudha',
        'Sriwijaya', 'Lettu Lila', 'Tirta Empul', 'Kintamani Raya'])[1 + (s.i % 8)::int]
        || ' No. ' || (1 + s.i % 120) || ', ' || s.place || ', Bangli' END,
    CASE WHEN s.reporter_name IS NOT NULL AND s.r_phone < 0.6 THEN '+628' || lpad(((s.i * 104729) % 9999999999)::text, 10, '0') END,
    CASE WHEN s.reporter_name IS NOT NULL AND s.r_phone > 0.7 THEN 'pelapor' || s.i || '@contoh.id' END,
    s.anonymous, s.r_conf < 0.03,
    CASE WHEN v.verified THEN true END,
    CASE WHEN v.verified THEN true END,
    CASE WHEN v.verified THEN true END,
    CASE WHEN s.status IN ('dispositioned', 'in_progress', 'resolved', 'closed', 'archived') THEN c.default_division_id END,
    NULL,
    CASE WHEN s.status = 'rejected' THEN (ARRAY['outside_authority', 'incomplete', 'duplicate', 'not_relevant'])[1 + (s.i % 4)::int] END,
    NULL,
    CASE WHEN s.status IN ('resolved', 'closed', 'archived') THEN
        (ARRAY['Permohonan telah diproses dan izin sudah diterbitkan melalui OSS.',
               'Petugas terkait sudah diberi pembinaan dan prosedur antrean diperbaiki.',
               'Informasi persyaratan sudah diperbarui di website dan papan pengumuman.'])[1 + (s.i % 3)::int] END,
    s.received_at, s.received_on, c.resolution_days, 0, 0,
    CASE WHEN s.status = 'needs_info' THEN s.received_on + 2
         WHEN s.status = 'resolved' THEN s.received_on + c.resolution_days END,
    s.received_on + 5,
    s.received_on + ceil(c.resolution_days * 1.45)::int,
    CASE WHEN s.status = 'needs_info' THEN s.received_on + 16
         WHEN s.status = 'resolved' THEN s.received_on + c.resolution_days + 14 END,
    CASE WHEN s.status = 'received' THEN s.received_on + 5
         WHEN s.status IN ('verified', 'dispositioned', 'in_progress') THEN s.received_on + ceil(c.resolution_days * 1.45)::int END,
    CASE WHEN s.status = 'received' THEN s.received_on + 4
         WHEN s.status IN ('verified', 'dispositioned', 'in_progress') THEN s.received_on + ceil(c.resolution_days * 1.1)::int END,
    CASE WHEN v.verified THEN s.received_at + interval '1 day' END,
    CASE WHEN s.status IN ('resolved', 'closed', 'archived') THEN s.received_at + c.resolution_days * interval '1 day' END,
    CASE WHEN s.status IN ('closed', 'archived') THEN s.received_at + (c.resolution_days + 10) * interval '1 day' END,
    CASE WHEN s.status = 'archived' THEN s.received_at + (c.resolution_days + 40) * interval '1 day' END,
    CASE WHEN s.channel = 'sp4n_lapor' THEN 'sp4n_lapor' END,
    CASE WHEN s.channel = 'sp4n_lapor' THEN 'LAPOR-' || (5000000 + s.i) END,
    CASE WHEN s.channel = 'sp4n_lapor' THEN 'Diteruskan' END,
    CASE WHEN s.channel NOT IN ('web', 'mobile_app', 'api_client') THEN (SELECT id FROM users WHERE username = 'admin') END,
    lower(j.subject || E'\n' || s.description || E'\n' || s.code || E'\n'
          || repeat('0', greatest(0, 5 - length(s.i::text))) || s.i || '/ADUAN/2026'
          || CASE WHEN s.reporter_name IS NOT NULL AND NOT s.anonymous THEN E'\n' || s.reporter_name ELSE '' END),
    s.n_events,
    s.received_at,
    least(s.received_at + (s.n_events - 1) * interval '3 days', timestamp '2026-11-27 08:00:00')
FROM (
    SELECT b.*,
        bench_code(b.i) AS code,
        (b.received_at + interval '8 hours')::date AS received_on,
        2 + (abs(hashint8(b.i)) % 4)::int AS n_events,
        CASE WHEN b.r_kind < 0.70 THEN 'complaint' WHEN b.r_kind < 0.88 THEN 'suggestion' ELSE 'input' END AS kind,
        CASE WHEN b.r_chan < 0.40 THEN 'web' WHEN b.r_chan < 0.50 THEN 'mobile_app'
             WHEN b.r_chan < 0.60 THEN 'whatsapp' WHEN b.r_chan < 0.68 THEN 'walk_in'
             WHEN b.r_chan < 0.75 THEN 'phone' WHEN b.r_chan < 0.81 THEN 'email'
             WHEN b.r_chan < 0.86 THEN 'letter' WHEN b.r_chan < 0.92 THEN 'sp4n_lapor'
             WHEN b.r_chan < 0.95 THEN 'facebook' WHEN b.r_chan < 0.98 THEN 'suggestion_box'
             ELSE 'api_client' END AS channel,
        CASE WHEN b.r_cat < 0.35 THEN 'PERIZINAN' WHEN b.r_cat < 0.50 THEN 'NON-PERIZINAN'
             WHEN b.r_cat < 0.58 THEN 'INVESTASI' WHEN b.r_cat < 0.68 THEN 'PENGAWASAN'
             WHEN b.r_cat < 0.78 THEN 'PETUGAS' WHEN b.r_cat < 0.93 THEN 'INFORMASI'
             ELSE 'LAINNYA' END AS cat,
        1 + floor(b.r_subj * 4)::int AS subj_k,
        (ARRAY['Kecamatan Bangli', 'Kecamatan Kintamani', 'Kecamatan Susut', 'Kecamatan Tembuku'])[1 + floor(b.r_place * 4)::int] AS place,
        (ARRAY['Sudah lebih dari 30 hari permohonan saya belum ada kabar.',
               'Saya sudah datang tiga kali ke kantor namun belum ada kejelasan.',
               'Status di sistem OSS masih menunggu verifikasi.',
               'Petugas menyampaikan berkas sedang diproses tetapi tidak ada kepastian waktu.',
               'Saya mohon penjelasan mengenai persyaratan yang masih kurang.',
               'Kami pelaku usaha kecil yang membutuhkan izin ini segera.',
               'Informasi di website berbeda dengan yang disampaikan petugas.',
               'Mohon tindak lanjut karena usaha kami terhambat.'])[1 + floor(b.r_d1 * 8)::int]
        || ' ' ||
        (ARRAY['Dokumen sudah lengkap sesuai daftar persyaratan.',
               'Saya diminta melengkapi gambar teknis padahal sudah diunggah.',
               'Tidak ada pemberitahuan melalui email maupun WhatsApp.',
               'Antrean di loket sangat panjang dan tidak ada nomor antrean.',
               'Saya diminta membayar biaya di luar ketentuan.',
               'Sistem menampilkan pesan galat saat mengunggah berkas.',
               'Jadwal survei lapangan sudah lewat tanpa kunjungan.',
               'Mohon dijelaskan berapa lama waktu penyelesaiannya.'])[1 + floor(b.r_d2 * 8)::int]
        || ' Nomor permohonan ' || (100000 + (b.i * 7) % 900000) || '.' AS description,
        CASE WHEN b.r_kind < 0.70 OR b.r_name < 0.6 THEN
            (ARRAY['I Wayan', 'Ni Wayan', 'I Made', 'Ni Made', 'I Nyoman', 'Ni Nyoman', 'I Ketut', 'Ni Ketut',
                   'I Gede', 'Ni Luh', 'I Putu', 'Ni Putu', 'I Komang', 'Ni Kadek', 'Anak Agung', 'Dewa Ayu'])[1 + floor(b.r_n1 * 16)::int]
            || ' ' ||
            (ARRAY['Sudarma', 'Astawa', 'Suardana', 'Wirawan', 'Sukadana', 'Artini', 'Suryani', 'Mahendra',
                   'Pratama', 'Sari', 'Yasa', 'Adnyana', 'Budiarta', 'Wijaya', 'Santika', 'Arsana',
                   'Putra', 'Dewi', 'Kusuma', 'Widiastuti'])[1 + floor(b.r_n2 * 20)::int]
        END AS reporter_name,
        (b.r_kind < 0.70 OR b.r_name < 0.6) AND b.r_anon < 0.05 AS anonymous,
        CASE
            WHEN b.f > 0.97 THEN
                CASE WHEN b.r_stat < 0.35 THEN 'received' WHEN b.r_stat < 0.43 THEN 'needs_info'
                     WHEN b.r_stat < 0.55 THEN 'verified' WHEN b.r_stat < 0.60 THEN 'rejected'
                     WHEN b.r_stat < 0.75 THEN 'dispositioned' WHEN b.r_stat < 0.95 THEN 'in_progress'
                     ELSE 'resolved' END
            WHEN b.f > 0.85 THEN
                CASE WHEN b.r_stat < 0.02 THEN 'received' WHEN b.r_stat < 0.05 THEN 'needs_info'
                     WHEN b.r_stat < 0.08 THEN 'verified' WHEN b.r_stat < 0.15 THEN 'rejected'
                     WHEN b.r_stat < 0.20 THEN 'dispositioned' WHEN b.r_stat < 0.40 THEN 'in_progress'
                     WHEN b.r_stat < 0.55 THEN 'resolved' ELSE 'closed' END
            ELSE
                CASE WHEN b.r_stat < 0.08 THEN 'rejected' WHEN b.r_stat < 0.10 THEN 'in_progress'
                     WHEN b.r_stat < 0.12 THEN 'resolved' WHEN b.r_stat < 0.62 THEN 'closed'
                     ELSE 'archived' END
        END AS status
    FROM (
        SELECT g.i, g.i::float8 / :n AS f,
            timestamp '2025-12-31 16:00:00' + ((g.i - 1) + random()) * (interval '331 days' / :n) AS received_at,
            random() AS r_kind, random() AS r_chan, random() AS r_stat, random() AS r_cat,
            random() AS r_subj, random() AS r_d1, random() AS r_d2, random() AS r_place,
            random() AS r_name, random() AS r_n1, random() AS r_n2, random() AS r_anon,
            random() AS r_conf, random() AS r_phone, random() AS r_inc
        FROM generate_series(1::bigint, :n) AS g(i)
    ) b
) s
JOIN bench_cat c ON c.code = s.cat
JOIN bench_subject j ON j.code = s.cat AND j.k = s.subj_k,
LATERAL (SELECT s.status NOT IN ('received', 'needs_info', 'rejected') AS verified) v
-- Stored in order of receipt, as a live table grows (pg_stats correlation ~1).
ORDER BY s.i;

-- Timeline: event 1 is the submission; the others are the last steps of the
-- path to the current status, preceded by internal notes when the path is
-- shorter than the event count (complaints.version holds the count).
INSERT INTO complaint_events (
    id, complaint_id, seq, occurred_at, actor_kind, actor_id, actor_role, action,
    from_status, to_status, visibility, message, details)
SELECT
    bench_uuid(e.occurred_at, 'e' || e.register_seq || '-' || e.seq),
    e.complaint_id, e.seq, e.occurred_at,
    CASE WHEN e.seq = 1 AND e.channel IN ('web', 'mobile_app', 'api_client') THEN 'reporter' ELSE 'staff' END,
    CASE WHEN e.seq = 1 AND e.channel IN ('web', 'mobile_app', 'api_client') THEN NULL ELSE e.admin_id END,
    CASE WHEN e.seq = 1 AND e.channel IN ('web', 'mobile_app', 'api_client') THEN NULL ELSE 'admin' END,
    e.action,
    NULL,
    CASE e.action WHEN 'submitted' THEN 'received' WHEN 'info_requested' THEN 'needs_info'
        WHEN 'verified' THEN 'verified' WHEN 'rejected' THEN 'rejected'
        WHEN 'dispositioned' THEN 'dispositioned' WHEN 'started' THEN 'in_progress'
        WHEN 'resolved' THEN 'resolved' WHEN 'closed' THEN 'closed' WHEN 'archived' THEN 'archived' END,
    CASE WHEN e.action = 'note' THEN 'internal' ELSE 'public' END,
    CASE e.action
        WHEN 'info_requested' THEN 'Mohon lengkapi fotokopi KTP dan bukti pendukung.'
        WHEN 'note' THEN 'Sudah dikoordinasikan dengan bidang terkait.'
        WHEN 'dispositioned' THEN 'Mohon ditindaklanjuti sesuai kewenangan.'
        WHEN 'rejected' THEN 'Pengaduan di luar kewenangan DPMPTSP.'
        WHEN 'resolved' THEN e.resolution END,
    CASE e.action
        WHEN 'submitted' THEN '{"channel":"' || e.channel || '","files":0}'
        WHEN 'verified' THEN '{"requirements":{"identity":true,"address":true,"evidence":true},"category_id":"' || e.category_id || '"}' END
FROM (
    SELECT c.id AS complaint_id, c.register_seq, c.channel, c.category_id, c.resolution,
        g.seq, c.received_at + (g.seq - 1) * interval '2 days' AS occurred_at,
        a.admin_id,
        CASE WHEN g.seq = 1 THEN 'submitted'
             WHEN cardinality(p.path) - (c.version - 1) + (g.seq - 1) >= 1
                 THEN p.path[cardinality(p.path) - (c.version - 1) + (g.seq - 1)]
             ELSE 'note' END AS action
    FROM complaints c
    JOIN bench_path p ON p.status = c.status
    CROSS JOIN (SELECT id AS admin_id FROM users WHERE username = 'admin') a
    CROSS JOIN LATERAL generate_series(1, c.version) AS g(seq)
) e
ORDER BY e.register_seq, e.seq;

-- Evidence: one or two attachment rows for about 60 % of complaints (rows
-- only: downloads are not benchmarked), attached to the submission event.
INSERT INTO attachments (
    id, complaint_id, event_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, created_at)
SELECT x.id, x.complaint_id, x.event_id,
    CASE WHEN x.k = 1 THEN 'bukti-permohonan.pdf' ELSE 'foto-lokasi.jpg' END,
    CASE WHEN x.k = 1 THEN 'application/pdf' ELSE 'image/jpeg' END,
    50000 + (x.register_seq::bigint * 7919 + x.k) % 2000000,
    md5(x.id) || md5(x.complaint_id),
    'attachments/' || x.id, 'reporter', x.received_at
FROM (
    SELECT bench_uuid(c.received_at, 'a' || c.register_seq || '-' || k.k) AS id,
        c.id AS complaint_id, c.register_seq, c.received_at, k.k,
        bench_uuid(c.received_at, 'e' || c.register_seq || '-1') AS event_id
    FROM complaints c
    CROSS JOIN LATERAL generate_series(1, 1 + (c.register_seq % 2)::int) AS k(k)
    WHERE abs(hashint8(c.register_seq::bigint + 17)) % 10 < 6
) x
ORDER BY x.register_seq, x.k;

SET session_replication_role = origin;

-- New submissions continue the register where the seeded data ends.
INSERT INTO register_counters (year, last_number) VALUES (2026, :n)
ON CONFLICT (year) DO UPDATE SET last_number = greatest(register_counters.last_number, EXCLUDED.last_number);

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexdef FROM bench_saved_indexes LOOP
        EXECUTE r.indexdef;
    END LOOP;
END $$;
