#!/usr/bin/env python3
"""Seeds the SQLite benchmark database with the same data set as
seed_postgres.sql (same distributions, same tracking codes and register
numbers), on a database the server has already migrated and seeded.

    python3 tests/bench/seed_sqlite.py DATA_DIR/aduan.sqlite3 100000

Standard library only. Secondary indexes are dropped during the load and
rebuilt from their own definitions (sqlite_master), so the schema ends as
migrated.
"""

import datetime as dt
import hashlib
import random
import sqlite3
import sys

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
P = 4000000000037
M = 30**12
SELF_SERVICE = {"web", "mobile_app", "api_client"}

SUBJECTS = {
    "PERIZINAN": ["Izin PBG belum terbit", "Permohonan NIB ditolak sistem OSS",
                  "Persetujuan lingkungan belum diproses", "Sertifikat standar usaha belum diverifikasi"],
    "NON-PERIZINAN": ["Surat rekomendasi belum selesai", "Surat keterangan usaha lambat diproses",
                      "Legalisir dokumen perizinan ditolak", "Rekomendasi teknis belum diterbitkan"],
    "INVESTASI": ["Informasi peluang investasi pariwisata", "Fasilitasi investor di Kintamani",
                  "Data potensi investasi tidak lengkap", "Insentif penanaman modal tidak jelas"],
    "PENGAWASAN": ["Usaha beroperasi tanpa izin", "Laporan LKPM tidak bisa dikirim",
                   "Bangunan tidak sesuai PBG", "Pemeriksaan lapangan tidak dilakukan"],
    "PETUGAS": ["Petugas loket tidak ramah", "Dugaan pungutan liar di loket pelayanan",
                "Petugas meminta biaya tambahan", "Antrean loket tidak tertib"],
    "INFORMASI": ["Persyaratan izin tidak jelas", "Biaya layanan tidak diumumkan",
                  "Jam layanan tidak sesuai pengumuman", "Informasi prosedur OSS membingungkan"],
    "LAINNYA": ["Saran penambahan kursi ruang tunggu", "Parkir kantor pelayanan penuh",
                "Website layanan sering tidak bisa diakses", "Usulan layanan jemput bola ke desa"],
}
OPENERS = [
    "Sudah lebih dari 30 hari permohonan saya belum ada kabar.",
    "Saya sudah datang tiga kali ke kantor namun belum ada kejelasan.",
    "Status di sistem OSS masih menunggu verifikasi.",
    "Petugas menyampaikan berkas sedang diproses tetapi tidak ada kepastian waktu.",
    "Saya mohon penjelasan mengenai persyaratan yang masih kurang.",
    "Kami pelaku usaha kecil yang membutuhkan izin ini segera.",
    "Informasi di website berbeda dengan yang disampaikan petugas.",
    "Mohon tindak lanjut karena usaha kami terhambat.",
]
DETAILS = [
    "Dokumen sudah lengkap sesuai daftar persyaratan.",
    "Saya diminta melengkapi gambar teknis padahal sudah diunggah.",
    "Tidak ada pemberitahuan melalui email maupun WhatsApp.",
    "Antrean di loket sangat panjang dan tidak ada nomor antrean.",
    "Saya diminta membayar biaya di luar ketentuan.",
    "Sistem menampilkan pesan galat saat mengunggah berkas.",
    "Jadwal survei lapangan sudah lewat tanpa kunjungan.",
    "Mohon dijelaskan berapa lama waktu penyelesaiannya.",
]
PLACES = ["Kecamatan Bangli", "Kecamatan Kintamani", "Kecamatan Susut", "Kecamatan Tembuku"]
STREETS = ["Merdeka", "Nusantara", "Brigjen Ngurah Rai", "Kusuma Yudha",
           "Sriwijaya", "Lettu Lila", "Tirta Empul", "Kintamani Raya"]
FIRST = ["I Wayan", "Ni Wayan", "I Made", "Ni Made", "I Nyoman", "Ni Nyoman", "I Ketut", "Ni Ketut",
         "I Gede", "Ni Luh", "I Putu", "Ni Putu", "I Komang", "Ni Kadek", "Anak Agung", "Dewa Ayu"]
LAST = ["Sudarma", "Astawa", "Suardana", "Wirawan", "Sukadana", "Artini", "Suryani", "Mahendra",
        "Pratama", "Sari", "Yasa", "Adnyana", "Budiarta", "Wijaya", "Santika", "Arsana",
        "Putra", "Dewi", "Kusuma", "Widiastuti"]
RESOLUTIONS = [
    "Permohonan telah diproses dan izin sudah diterbitkan melalui OSS.",
    "Petugas terkait sudah diberi pembinaan dan prosedur antrean diperbaiki.",
    "Informasi persyaratan sudah diperbarui di website dan papan pengumuman.",
]
PATHS = {
    "received": [], "needs_info": ["info_requested"], "verified": ["verified"], "rejected": ["rejected"],
    "dispositioned": ["verified", "dispositioned"],
    "in_progress": ["verified", "dispositioned", "started"],
    "resolved": ["verified", "dispositioned", "started", "resolved"],
    "closed": ["verified", "dispositioned", "started", "resolved", "closed"],
    "archived": ["verified", "dispositioned", "started", "resolved", "closed", "archived"],
}
TO_STATUS = {"submitted": "received", "info_requested": "needs_info", "verified": "verified",
             "rejected": "rejected", "dispositioned": "dispositioned", "started": "in_progress",
             "resolved": "resolved", "closed": "closed", "archived": "archived"}
MESSAGES = {
    "info_requested": "Mohon lengkapi fotokopi KTP dan bukti pendukung.",
    "note": "Sudah dikoordinasikan dengan bidang terkait.",
    "dispositioned": "Mohon ditindaklanjuti sesuai kewenangan.",
    "rejected": "Pengaduan di luar kewenangan DPMPTSP.",
}
START = dt.datetime(2025, 12, 31, 16, 0, 0)  # 2026-01-01 00:00 WITA, in UTC
SPAN = dt.timedelta(days=331)
LAST_UPDATE = dt.datetime(2026, 11, 27, 8, 0, 0)


def encode(x):
    digits = []
    for _ in range(12):
        digits.append(ALPHABET[x % 30])
        x //= 30
    s = "".join(reversed(digits))
    return f"{s[0:4]}-{s[4:8]}-{s[8:12]}"


def bench_code(k):
    return encode((k * P) % M)


def bench_uuid(at, salt):
    ms = int((at - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
    h = f"{ms:012x}"
    m = hashlib.md5(salt.encode()).hexdigest()
    return f"{h[0:8]}-{h[8:12]}-7{m[0:3]}-8{m[3:6]}-{m[6:18]}"


def ts(value):
    """Diesel's SQLite timestamp text."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if value else None


def day(value):
    return value.isoformat() if value else None


def pick_status(f, r):
    if f > 0.97:
        table = [(0.35, "received"), (0.43, "needs_info"), (0.55, "verified"), (0.60, "rejected"),
                 (0.75, "dispositioned"), (0.95, "in_progress"), (2, "resolved")]
    elif f > 0.85:
        table = [(0.02, "received"), (0.05, "needs_info"), (0.08, "verified"), (0.15, "rejected"),
                 (0.20, "dispositioned"), (0.40, "in_progress"), (0.55, "resolved"), (2, "closed")]
    else:
        table = [(0.08, "rejected"), (0.10, "in_progress"), (0.12, "resolved"), (0.62, "closed"), (2, "archived")]
    return next(s for limit, s in table if r < limit)


def pick(table, r):
    return next(v for limit, v in table if r < limit)


KINDS = [(0.70, "complaint"), (0.88, "suggestion"), (2, "input")]
CHANNELS = [(0.40, "web"), (0.50, "mobile_app"), (0.60, "whatsapp"), (0.68, "walk_in"), (0.75, "phone"),
            (0.81, "email"), (0.86, "letter"), (0.92, "sp4n_lapor"), (0.95, "facebook"),
            (0.98, "suggestion_box"), (2, "api_client")]
CATEGORIES = [(0.35, "PERIZINAN"), (0.50, "NON-PERIZINAN"), (0.58, "INVESTASI"), (0.68, "PENGAWASAN"),
              (0.78, "PETUGAS"), (0.93, "INFORMASI"), (2, "LAINNYA")]


def hash_small(i, modulo):
    # Stands in for hashint8() on PostgreSQL: a stable spread, not the same values.
    return int(hashlib.md5(str(i).encode()).hexdigest()[:8], 16) % modulo


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(2026)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = OFF")
    cats = {code: (cid, days, div) for code, cid, days, div in
            db.execute("SELECT code, id, resolution_days, default_division_id FROM categories")}
    admin_id = db.execute("SELECT id FROM users WHERE username = 'admin'").fetchone()[0]
    saved = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('complaints', 'complaint_events', 'attachments')").fetchall()
    for name, _ in saved:
        db.execute(f'DROP INDEX "{name}"')

    complaints, events, attachments = [], [], []

    def flush():
        if complaints:
            db.executemany(f"INSERT INTO complaints ({COMPLAINT_COLUMNS}) VALUES ({','.join('?' * 51)})", complaints)
        if events:
            db.executemany(f"INSERT INTO complaint_events ({EVENT_COLUMNS}) VALUES ({','.join('?' * 13)})", events)
        if attachments:
            db.executemany(f"INSERT INTO attachments ({ATTACHMENT_COLUMNS}) VALUES ({','.join('?' * 10)})", attachments)
        complaints.clear()
        events.clear()
        attachments.clear()

    for i in range(1, n + 1):
        f = i / n
        received_at = START + (i - 1 + rng.random()) * (SPAN / n)
        r = [rng.random() for _ in range(15)]
        (r_kind, r_chan, r_stat, r_cat, r_subj, r_d1, r_d2, r_place,
         r_name, r_n1, r_n2, r_anon, r_conf, r_phone, r_inc) = r
        kind = pick(KINDS, r_kind)
        channel = pick(CHANNELS, r_chan)
        cat = pick(CATEGORIES, r_cat)
        status = pick_status(f, r_stat)
        cat_id, days, division = cats[cat]
        code = bench_code(i)
        received_on = (received_at + dt.timedelta(hours=8)).date()
        n_events = 2 + hash_small(i, 4)
        subject = SUBJECTS[cat][int(r_subj * 4)]
        place = PLACES[int(r_place * 4)]
        description = (f"{OPENERS[int(r_d1 * 8)]} {DETAILS[int(r_d2 * 8)]} "
                       f"Nomor permohonan {100000 + (i * 7) % 900000}.")
        has_name = kind == "complaint" or r_name < 0.6
        name = f"{FIRST[int(r_n1 * 16)]} {LAST[int(r_n2 * 20)]}" if has_name else None
        anonymous = has_name and r_anon < 0.05
        verified = status not in ("received", "needs_info", "rejected")
        complaint = kind == "complaint"
        handled = status in ("dispositioned", "in_progress", "resolved", "closed", "archived")
        answered = status in ("resolved", "closed", "archived")
        resolution_due = received_on + dt.timedelta(days=-(-days * 145 // 100))
        if status == "received":
            sla_due, sla_risk = received_on + dt.timedelta(days=5), received_on + dt.timedelta(days=4)
        elif status in ("verified", "dispositioned", "in_progress"):
            sla_due, sla_risk = resolution_due, received_on + dt.timedelta(days=-(-days * 11 // 10))
        else:
            sla_due = sla_risk = None
        waiting = reporter_due = None
        if status == "needs_info":
            waiting, reporter_due = received_on + dt.timedelta(days=2), received_on + dt.timedelta(days=16)
        elif status == "resolved":
            waiting, reporter_due = received_on + dt.timedelta(days=days), received_on + dt.timedelta(days=days + 14)
        register = f"{i:05}/ADUAN/2026"
        search = f"{subject}\n{description}\n{code}\n{register}"
        if name and not anonymous:
            search += f"\n{name}"
        cid = bench_uuid(received_at, f"c{i}")
        resolution = RESOLUTIONS[i % 3] if answered else None
        complaints.append((
            cid, code, 2026, i, kind, channel, status, cat_id, subject, description,
            day(received_on - dt.timedelta(days=i % 30)) if r_inc < 0.5 else None,
            place if r_inc < 0.4 else None,
            name,
            "ktp" if complaint else None,
            f"510601{1 + i % 28:02}{1 + i % 12:02}{60 + i % 40:02}{1 + i % 9999:04}" if complaint else None,
            f"Jl. {STREETS[i % 8]} No. {1 + i % 120}, {place}, Bangli" if complaint else None,
            f"+628{(i * 104729) % 9999999999:010}" if name and r_phone < 0.6 else None,
            f"pelapor{i}@contoh.id" if name and r_phone > 0.7 else None,
            anonymous, r_conf < 0.03,
            True if verified else None, True if verified else None, True if verified else None,
            division if handled else None, None,
            ["outside_authority", "incomplete", "duplicate", "not_relevant"][i % 4] if status == "rejected" else None,
            None, resolution,
            ts(received_at), day(received_on), days, 0, 0, day(waiting),
            day(received_on + dt.timedelta(days=5)), day(resolution_due), day(reporter_due),
            day(sla_due), day(sla_risk),
            ts(received_at + dt.timedelta(days=1)) if verified else None,
            ts(received_at + dt.timedelta(days=days)) if answered else None,
            ts(received_at + dt.timedelta(days=days + 10)) if status in ("closed", "archived") else None,
            ts(received_at + dt.timedelta(days=days + 40)) if status == "archived" else None,
            "sp4n_lapor" if channel == "sp4n_lapor" else None,
            f"LAPOR-{5000000 + i}" if channel == "sp4n_lapor" else None,
            "Diteruskan" if channel == "sp4n_lapor" else None,
            admin_id if channel not in SELF_SERVICE else None,
            search.lower(), n_events, ts(received_at),
            ts(min(received_at + dt.timedelta(days=3 * (n_events - 1)), LAST_UPDATE)),
        ))
        path_ = PATHS[status]
        first_event = None
        for seq in range(1, n_events + 1):
            if seq == 1:
                action = "submitted"
            else:
                idx = len(path_) - (n_events - 1) + (seq - 1)
                action = path_[idx - 1] if idx >= 1 else "note"
            occurred = received_at + dt.timedelta(days=2 * (seq - 1))
            reporter_acts = seq == 1 and channel in SELF_SERVICE
            eid = bench_uuid(occurred, f"e{i}-{seq}")
            if seq == 1:
                first_event = eid
            details = None
            if action == "submitted":
                details = f'{{"channel":"{channel}","files":0}}'
            elif action == "verified":
                details = ('{"requirements":{"identity":true,"address":true,"evidence":true},'
                           f'"category_id":"{cat_id}"}}')
            events.append((
                eid, cid, seq, ts(occurred),
                "reporter" if reporter_acts else "staff",
                None if reporter_acts else admin_id,
                None if reporter_acts else "admin",
                action, None, TO_STATUS.get(action),
                "internal" if action == "note" else "public",
                resolution if action == "resolved" else MESSAGES.get(action),
                details,
            ))
        if hash_small(i + 17, 10) < 6:
            for k in range(1, 2 + i % 2):
                aid = bench_uuid(received_at, f"a{i}-{k}")
                attachments.append((
                    aid, cid, first_event,
                    "bukti-permohonan.pdf" if k == 1 else "foto-lokasi.jpg",
                    "application/pdf" if k == 1 else "image/jpeg",
                    50000 + (i * 7919 + k) % 2000000,
                    hashlib.sha256(aid.encode()).hexdigest(),
                    f"attachments/{aid}", "reporter", ts(received_at),
                ))
        if len(complaints) >= 5000:
            flush()
    flush()
    db.execute(
        "INSERT INTO register_counters (year, last_number) VALUES (2026, ?) "
        "ON CONFLICT (year) DO UPDATE SET last_number = max(last_number, excluded.last_number)", (n,))
    for _, sql in saved:
        db.execute(sql)
    db.commit()
    db.execute("PRAGMA foreign_keys = ON")
    db.close()


COMPLAINT_COLUMNS = """id, tracking_code, register_year, register_seq, kind, channel, status, category_id,
    subject, description, incident_date, incident_place,
    reporter_name, reporter_id_type, reporter_id_number, reporter_address, reporter_phone, reporter_email,
    is_anonymous, is_confidential, req_identity, req_address, req_evidence,
    division_id, assignee_id, rejection_reason, duplicate_of_id, resolution,
    received_at, received_on, target_days, extension_days, paused_days, waiting_since,
    verification_due_on, resolution_due_on, reporter_due_on, sla_due_on, sla_at_risk_on,
    verified_at, resolved_at, closed_at, archived_at,
    external_system, external_id, external_status, created_by_id,
    search_text, version, created_at, updated_at"""
EVENT_COLUMNS = """id, complaint_id, seq, occurred_at, actor_kind, actor_id, actor_role, action,
    from_status, to_status, visibility, message, details"""
ATTACHMENT_COLUMNS = """id, complaint_id, event_id, file_name, content_type, size_bytes, sha256,
    storage_key, uploaded_by, created_at"""

if __name__ == "__main__":
    main()
