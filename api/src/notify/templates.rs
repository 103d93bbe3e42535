//! The words of every notification, in Indonesian and English, plain text.
//! A template sees only the facts handed to it: [`ReporterFacts`] hold
//! nothing internal, [`StaffFacts`] nothing of the reporter's identity.

use chrono::{Datelike, NaiveDate};

use super::{ReporterNotice, StaffNotice};
use crate::domain::timeline::{Escalation, EscalationReason};
use crate::domain::{Kind, Language, RejectionReason};

/// What a mail to the reporter may say.
#[derive(Debug, Clone)]
pub struct ReporterFacts<'a> {
    pub kind: Kind,
    pub register_number: String,
    pub tracking_code: &'a str,
    pub tracking_link: String,
    /// Left out when the complaint is confidential.
    pub subject: Option<&'a str>,
    /// The event's message, when it is addressed to the reporter.
    pub message: Option<&'a str>,
    /// The next deadline the mail speaks of (verification, the reporter's answer).
    pub due_on: Option<NaiveDate>,
    pub rejection_reason: Option<RejectionReason>,
}

/// What a message to staff may say: never who the reporter is.
#[derive(Debug, Clone)]
pub struct StaffFacts<'a> {
    pub kind: Kind,
    pub register_number: String,
    /// Left out when the complaint is confidential.
    pub subject: Option<&'a str>,
    pub link: String,
    /// The deadline now running.
    pub due_on: Option<NaiveDate>,
    pub escalation: Option<Escalation>,
}

/// A message ready to send: `title` is also the in-app notification's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub title: String,
    pub subject: String,
    pub body: String,
}

const SUBJECT_PREFIX: &str = "[Aduan]";

fn rendered(title: String, paragraphs: Vec<String>, lang: Language) -> Rendered {
    let footer = match lang {
        Language::Id => "Pesan ini dikirim otomatis; mohon tidak membalasnya.",
        Language::En => "This message was sent automatically; please do not reply to it.",
    };
    let mut body = paragraphs.join("\n\n");
    body.push_str("\n\n-- \n");
    body.push_str(footer);
    body.push('\n');
    Rendered {
        subject: format!("{SUBJECT_PREFIX} {title}"),
        title,
        body,
    }
}

fn noun(kind: Kind, lang: Language) -> &'static str {
    match (lang, kind) {
        (Language::Id, Kind::Complaint) => "pengaduan",
        (Language::Id, Kind::Suggestion) => "saran",
        (Language::Id, Kind::Input) => "masukan",
        (Language::En, Kind::Complaint) => "complaint",
        (Language::En, Kind::Suggestion) => "suggestion",
        (Language::En, Kind::Input) => "input",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn date(day: NaiveDate, lang: Language) -> String {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = match lang {
        Language::Id => ID,
        Language::En => EN,
    };
    format!(
        "{} {} {}",
        day.day(),
        months[day.month0() as usize],
        day.year()
    )
}

fn rejection_reason(reason: RejectionReason, lang: Language) -> &'static str {
    match (lang, reason) {
        (Language::Id, RejectionReason::OutsideAuthority) => "bukan kewenangan instansi kami",
        (Language::Id, RejectionReason::Incomplete) => "keterangannya tidak lengkap",
        (Language::Id, RejectionReason::Duplicate) => "sama dengan laporan yang sudah kami terima",
        (Language::Id, RejectionReason::NotRelevant) => "tidak berkaitan dengan layanan kami",
        (Language::En, RejectionReason::OutsideAuthority) => "it is outside our authority",
        (Language::En, RejectionReason::Incomplete) => "it is incomplete",
        (Language::En, RejectionReason::Duplicate) => {
            "it duplicates a report we have already received"
        }
        (Language::En, RejectionReason::NotRelevant) => "it does not concern our services",
    }
}

/// A mail to the reporter.
pub fn reporter(topic: ReporterNotice, lang: Language, f: &ReporterFacts<'_>) -> Rendered {
    use ReporterNotice as N;
    let noun = noun(f.kind, lang);
    let reg = &f.register_number;
    let link = &f.tracking_link;
    let due = f.due_on.map(|d| date(d, lang));
    let mut p: Vec<String> = vec![match lang {
        Language::Id => "Yth. Bapak/Ibu,".into(),
        Language::En => "Dear reporter,".into(),
    }];
    let title = match (lang, topic) {
        (Language::Id, N::Received) => {
            p.push(format!(
                "Terima kasih. {} Anda telah kami terima dan dicatat dengan nomor register {reg}.",
                capitalised(noun)
            ));
            p.push(format!(
                "Kode pelacakan Anda: {}\nSimpan kode ini dan jangan berikan kepada orang lain: dengan kode ini Anda mengikuti perkembangan {noun} Anda, menambahkan keterangan, dan menanggapi jawaban kami.",
                f.tracking_code
            ));
            p.push(format!("Ikuti perkembangannya di: {link}"));
            if let Some(due) = &due {
                p.push(format!(
                    "Kami akan memeriksa {noun} Anda paling lambat {due}."
                ));
            }
            format!("{} Anda telah diterima ({reg})", capitalised(noun))
        }
        (Language::En, N::Received) => {
            p.push(format!(
                "Thank you. We have received your {noun} and registered it as {reg}."
            ));
            p.push(format!(
                "Your tracking code: {}\nKeep this code to yourself: with it you follow your {noun}, add information and respond to our answer.",
                f.tracking_code
            ));
            p.push(format!("Follow it at: {link}"));
            if let Some(due) = &due {
                p.push(format!("We will review your {noun} by {due}."));
            }
            format!("Your {noun} has been received ({reg})")
        }
        (Language::Id, N::InfoRequested) => {
            p.push(format!(
                "Untuk menindaklanjuti {noun} Anda ({reg}), kami memerlukan keterangan tambahan:"
            ));
            p.extend(f.message.map(str::to_string));
            let until = due
                .as_ref()
                .map(|d| format!(" paling lambat {d}"))
                .unwrap_or_default();
            p.push(format!(
                "Mohon lengkapi{until} melalui: {link}\nTanpa jawaban, {noun} Anda dapat ditutup karena tidak lengkap."
            ));
            format!("Mohon lengkapi {noun} Anda ({reg})")
        }
        (Language::En, N::InfoRequested) => {
            p.push(format!(
                "To handle your {noun} ({reg}) we need more information:"
            ));
            p.extend(f.message.map(str::to_string));
            let until = due.as_ref().map(|d| format!(" by {d}")).unwrap_or_default();
            p.push(format!(
                "Please add it{until} at: {link}\nWithout an answer, your {noun} may be closed as incomplete."
            ));
            format!("Please complete your {noun} ({reg})")
        }
        (Language::Id, N::Rejected) => {
            let why = f
                .rejection_reason
                .map(|r| format!(", karena {}", rejection_reason(r, lang)))
                .unwrap_or_default();
            p.push(format!(
                "Mohon maaf, {noun} Anda ({reg}) tidak dapat kami tindak lanjuti{why}."
            ));
            p.extend(f.message.map(str::to_string));
            p.push(format!("Rinciannya ada di: {link}"));
            format!(
                "{} Anda tidak dapat ditindaklanjuti ({reg})",
                capitalised(noun)
            )
        }
        (Language::En, N::Rejected) => {
            let why = f
                .rejection_reason
                .map(|r| format!(", because {}", rejection_reason(r, lang)))
                .unwrap_or_default();
            p.push(format!(
                "We are sorry: we cannot take up your {noun} ({reg}){why}."
            ));
            p.extend(f.message.map(str::to_string));
            p.push(format!("The details are at: {link}"));
            format!("Your {noun} cannot be taken up ({reg})")
        }
        (Language::Id, N::Resolved) => {
            p.push(format!(
                "{} Anda ({reg}) telah selesai kami tangani. Jawaban kami:",
                capitalised(noun)
            ));
            p.extend(f.message.map(str::to_string));
            let until = due
                .as_ref()
                .map(|d| format!(" hingga {d}"))
                .unwrap_or_default();
            p.push(format!(
                "Bila jawaban ini menyelesaikan {noun} Anda, terimalah; bila belum, ajukan keberatan beserta alasannya. Keduanya dapat dilakukan{until} di: {link}\nDi halaman yang sama kami mohon Anda menilai pelayanan kami."
            ));
            format!("Jawaban atas {noun} Anda ({reg})")
        }
        (Language::En, N::Resolved) => {
            p.push(format!(
                "We have finished handling your {noun} ({reg}). Our answer:"
            ));
            p.extend(f.message.map(str::to_string));
            let until = due
                .as_ref()
                .map(|d| format!(" until {d}"))
                .unwrap_or_default();
            p.push(format!(
                "If this answer settles your {noun}, accept it; if not, dispute it and say why. You can do either{until} at: {link}\nOn the same page, please rate our service."
            ));
            format!("The answer to your {noun} ({reg})")
        }
        (Language::Id, N::Closed) => {
            p.push(format!(
                "{} Anda ({reg}) telah ditutup. Terima kasih telah membantu kami memperbaiki pelayanan.",
                capitalised(noun)
            ));
            p.push(format!(
                "Anda masih dapat membaca jawaban kami dan menilai pelayanan kami di: {link}"
            ));
            format!("{} Anda telah ditutup ({reg})", capitalised(noun))
        }
        (Language::En, N::Closed) => {
            p.push(format!(
                "Your {noun} ({reg}) has been closed. Thank you for helping us improve our service."
            ));
            p.push(format!(
                "You can still read our answer and rate our service at: {link}"
            ));
            format!("Your {noun} has been closed ({reg})")
        }
    };
    if let Some(subject) = f.subject {
        let label = match lang {
            Language::Id => "Perihal",
            Language::En => "Subject",
        };
        p.insert(1, format!("{label}: {subject}"));
    }
    p.push(match lang {
        Language::Id => "Hormat kami,\nTim Pengaduan".into(),
        Language::En => "Kind regards,\nThe complaints team".into(),
    });
    rendered(title, p, lang)
}

/// A notification to staff, in the app and by mail.
pub fn staff(topic: StaffNotice, lang: Language, f: &StaffFacts<'_>) -> Rendered {
    use StaffNotice as N;
    let noun = noun(f.kind, lang);
    let reg = &f.register_number;
    let due = f.due_on.map(|d| date(d, lang));
    let title = match (lang, topic) {
        (Language::Id, N::NewComplaint) => {
            format!("{} baru di antrean Anda: {reg}", capitalised(noun))
        }
        (Language::En, N::NewComplaint) => format!("New {noun} in your queue: {reg}"),
        (Language::Id, N::Dispositioned) => format!("Didisposisikan kepada Anda: {reg}"),
        (Language::En, N::Dispositioned) => format!("Assigned to you: {reg}"),
        (Language::Id, N::InfoAdded) => format!("Pelapor menambahkan keterangan: {reg}"),
        (Language::En, N::InfoAdded) => format!("The reporter added information: {reg}"),
        (Language::Id, N::Disputed) => format!("Pelapor mengajukan keberatan atas jawaban: {reg}"),
        (Language::En, N::Disputed) => format!("The reporter disputes the answer: {reg}"),
        (Language::Id, N::Escalated) => match f.escalation.as_ref().map(|e| e.reason) {
            Some(EscalationReason::Overdue) => format!("Eskalasi: {reg} melewati batas waktu"),
            _ => format!("Eskalasi: {reg} mendekati batas waktu"),
        },
        (Language::En, N::Escalated) => match f.escalation.as_ref().map(|e| e.reason) {
            Some(EscalationReason::Overdue) => format!("Escalation: {reg} is overdue"),
            _ => format!("Escalation: {reg} is at risk"),
        },
    };
    let mut p = vec![title.clone()];
    let mut facts = vec![match lang {
        Language::Id => format!("Nomor register: {reg}"),
        Language::En => format!("Register number: {reg}"),
    }];
    if let Some(subject) = f.subject {
        facts.push(match lang {
            Language::Id => format!("Perihal: {subject}"),
            Language::En => format!("Subject: {subject}"),
        });
    }
    if let Some(due) = &due {
        facts.push(match lang {
            Language::Id => format!("Batas waktu: {due}"),
            Language::En => format!("Due: {due}"),
        });
    }
    if let Some(escalation) = &f.escalation {
        facts.push(match lang {
            Language::Id => format!("Tingkat eskalasi: {}", escalation.level),
            Language::En => format!("Escalation level: {}", escalation.level),
        });
    }
    p.push(facts.join("\n"));
    p.push(match lang {
        Language::Id => format!("Buka di aplikasi: {}", f.link),
        Language::En => format!("Open it in the app: {}", f.link),
    });
    rendered(title, p, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reporter_facts() -> ReporterFacts<'static> {
        ReporterFacts {
            kind: Kind::Complaint,
            register_number: "00001/ADUAN/2026".into(),
            tracking_code: "7KQM-4XHT-92RC",
            tracking_link: "https://aduan.example.id/track/7KQM-4XHT-92RC".into(),
            subject: Some("Izin PBG belum terbit"),
            message: Some("Mohon lampirkan foto KTP."),
            due_on: NaiveDate::from_ymd_opt(2026, 12, 9),
            rejection_reason: Some(RejectionReason::Incomplete),
        }
    }

    #[test]
    fn dates_are_written_out_in_the_readers_language() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 17).unwrap();
        assert_eq!(date(day, Language::Id), "17 Agustus 2026");
        assert_eq!(date(day, Language::En), "17 August 2026");
    }

    #[test]
    fn every_reporter_mail_names_the_register_number_and_the_tracking_link() {
        let f = reporter_facts();
        for topic in ReporterNotice::ALL {
            for lang in Language::ALL {
                let r = reporter(*topic, *lang, &f);
                assert!(r.subject.starts_with(SUBJECT_PREFIX), "{topic} {lang}");
                assert!(r.subject.contains(&f.register_number), "{topic} {lang}");
                assert!(r.body.contains(&f.tracking_link), "{topic} {lang}");
                assert!(r.body.contains("Izin PBG belum terbit"), "{topic} {lang}");
                assert!(!r.subject.contains('\n'), "{topic} {lang}");
            }
        }
    }

    #[test]
    fn the_received_mail_gives_the_tracking_code_and_the_languages_differ() {
        let f = reporter_facts();
        let id = reporter(ReporterNotice::Received, Language::Id, &f);
        let en = reporter(ReporterNotice::Received, Language::En, &f);
        assert!(id.body.contains("7KQM-4XHT-92RC") && en.body.contains("7KQM-4XHT-92RC"));
        assert!(id.body.contains("Kode pelacakan") && id.body.contains("9 Desember 2026"));
        assert!(en.body.contains("tracking code") && en.body.contains("9 December 2026"));
        assert_ne!(id.subject, en.subject);
    }

    #[test]
    fn requests_rejections_and_answers_carry_the_public_message() {
        let f = reporter_facts();
        for topic in [
            ReporterNotice::InfoRequested,
            ReporterNotice::Rejected,
            ReporterNotice::Resolved,
        ] {
            for lang in Language::ALL {
                let r = reporter(topic, *lang, &f);
                assert!(
                    r.body.contains("Mohon lampirkan foto KTP."),
                    "{topic} {lang}"
                );
            }
        }
        let rejected = reporter(ReporterNotice::Rejected, Language::En, &f);
        assert!(rejected.body.contains("it is incomplete"));
    }

    #[test]
    fn a_confidential_subject_is_left_out() {
        let f = ReporterFacts {
            subject: None,
            ..reporter_facts()
        };
        let r = reporter(ReporterNotice::Received, Language::Id, &f);
        assert!(!r.body.contains("Perihal"));
    }

    #[test]
    fn staff_messages_name_the_complaint_and_link_to_it() {
        let f = StaffFacts {
            kind: Kind::Suggestion,
            register_number: "00007/ADUAN/2026".into(),
            subject: Some("Antrean terlalu panjang"),
            link: "https://aduan.example.id/staff/complaints/c1".into(),
            due_on: NaiveDate::from_ymd_opt(2026, 11, 30),
            escalation: Some(Escalation {
                to_user_id: "u1".into(),
                level: 2,
                reason: EscalationReason::Overdue,
            }),
        };
        for topic in StaffNotice::ALL {
            for lang in Language::ALL {
                let r = staff(*topic, *lang, &f);
                assert!(r.title.contains("00007/ADUAN/2026"), "{topic} {lang}");
                assert!(r.body.contains(&f.link), "{topic} {lang}");
                assert!(r.body.contains("Antrean terlalu panjang"), "{topic} {lang}");
            }
        }
        let escalated = staff(StaffNotice::Escalated, Language::Id, &f);
        assert!(escalated.title.contains("melewati batas waktu"));
        assert!(escalated.body.contains("Tingkat eskalasi: 2"));
        assert_eq!(
            staff(StaffNotice::NewComplaint, Language::Id, &f).title,
            "Saran baru di antrean Anda: 00007/ADUAN/2026"
        );
    }
}
