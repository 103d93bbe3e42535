//! The vocabulary of a complaint: its kind, channel, status, and the staff roles.

use super::text_enum;

text_enum! {
    /// What the citizen submits (seed: pengaduan, saran, masukan).
    pub enum Kind {
        Complaint = "complaint",
        Suggestion = "suggestion",
        Input = "input",
    }
}

impl Kind {
    /// Identity document, address and evidence are required for a complaint
    /// (seed a.1); a suggestion or input may come without them.
    pub fn requires_identity(self) -> bool {
        self == Kind::Complaint
    }
}

text_enum! {
    /// Where a submission came from (seed a.2 and a.6).
    pub enum Channel {
        Web = "web",
        MobileApp = "mobile_app",
        Email = "email",
        Phone = "phone",
        Whatsapp = "whatsapp",
        Facebook = "facebook",
        WalkIn = "walk_in",
        Letter = "letter",
        SuggestionBox = "suggestion_box",
        Sp4nLapor = "sp4n_lapor",
        ApiClient = "api_client",
    }
}

impl Channel {
    /// Channels on which the citizen submits directly, without an officer.
    pub fn is_self_service(self) -> bool {
        matches!(self, Channel::Web | Channel::MobileApp | Channel::ApiClient)
    }

    /// Which staff roles may key in a submission received on this channel:
    /// the complaint officer takes manual ones, the IT operator online ones
    /// (seed a.2); the team lead and admin may take any.
    pub fn may_be_keyed_in_by(self, role: Role) -> bool {
        match role {
            Role::Admin | Role::TeamLead => !self.is_self_service(),
            Role::ComplaintOfficer => matches!(
                self,
                Channel::WalkIn | Channel::Letter | Channel::SuggestionBox | Channel::Phone
            ),
            Role::ItOperator => matches!(
                self,
                Channel::Email
                    | Channel::Phone
                    | Channel::Whatsapp
                    | Channel::Facebook
                    | Channel::Sp4nLapor
            ),
            Role::Supervisor | Role::DivisionStaff => false,
        }
    }

    /// Whose queue a new submission from this channel lands in: the team
    /// lead's always, the complaint officer's for manual channels, the IT
    /// operator's for online ones (seed a.2); a phone call is both.
    pub fn is_queued_for(self, role: Role) -> bool {
        match role {
            Role::TeamLead => true,
            Role::ComplaintOfficer => matches!(
                self,
                Channel::WalkIn | Channel::Letter | Channel::SuggestionBox | Channel::Phone
            ),
            Role::ItOperator => !matches!(
                self,
                Channel::WalkIn | Channel::Letter | Channel::SuggestionBox
            ),
            // The admin keeps the system, the supervisor oversees, and
            // division staff wait for a disposition.
            Role::Admin | Role::Supervisor | Role::DivisionStaff => false,
        }
    }
}

text_enum! {
    /// The language the reporter reads our mail in.
    pub enum Language {
        /// Bahasa Indonesia, the default.
        Id = "id",
        En = "en",
    }
}

text_enum! {
    /// Where a complaint stands in its lifecycle (seed a.2).
    pub enum Status {
        Received = "received",
        NeedsInfo = "needs_info",
        Verified = "verified",
        Rejected = "rejected",
        Dispositioned = "dispositioned",
        InProgress = "in_progress",
        Resolved = "resolved",
        Closed = "closed",
        Archived = "archived",
    }
}

text_enum! {
    /// Why a complaint was not taken up.
    pub enum RejectionReason {
        OutsideAuthority = "outside_authority",
        Incomplete = "incomplete",
        Duplicate = "duplicate",
        NotRelevant = "not_relevant",
    }
}

text_enum! {
    /// The reporter's identity document.
    pub enum IdentityDocType {
        /// Kartu Tanda Penduduk, the national ID card: its number is a NIK.
        Ktp = "ktp",
        Sim = "sim",
        Passport = "passport",
        Kitas = "kitas",
        Other = "other",
    }
}

text_enum! {
    /// Staff roles (seed b.4 and a.2).
    pub enum Role {
        Admin = "admin",
        /// Head of agency, secretary, coordinators: oversee, never handle.
        Supervisor = "supervisor",
        TeamLead = "team_lead",
        /// Takes manual complaints: walk-in, letter, suggestion box.
        ComplaintOfficer = "complaint_officer",
        /// Takes online complaints: email, phone, WhatsApp, web.
        ItOperator = "it_operator",
        DivisionStaff = "division_staff",
    }
}

impl Role {
    /// Roles that verify submissions and so may see an anonymous reporter.
    pub fn verifies(self) -> bool {
        matches!(
            self,
            Role::Admin | Role::TeamLead | Role::ComplaintOfficer | Role::ItOperator
        )
    }

    /// Division staff see only what was dispositioned to their division.
    pub fn sees_all_complaints(self) -> bool {
        self != Role::DivisionStaff
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_lands_in_a_verifier_queue_besides_the_team_lead() {
        for channel in Channel::ALL {
            let queued: Vec<Role> = Role::ALL
                .iter()
                .copied()
                .filter(|role| channel.is_queued_for(*role))
                .collect();
            assert!(queued.contains(&Role::TeamLead), "{channel}");
            assert!(
                queued
                    .iter()
                    .any(|r| matches!(r, Role::ComplaintOfficer | Role::ItOperator)),
                "{channel}"
            );
            assert!(queued.iter().all(|r| r.verifies()), "{channel}");
        }
    }

    #[test]
    fn manual_channels_go_to_the_officer_and_online_ones_to_the_it_operator() {
        assert!(Channel::WalkIn.is_queued_for(Role::ComplaintOfficer));
        assert!(!Channel::WalkIn.is_queued_for(Role::ItOperator));
        assert!(Channel::Web.is_queued_for(Role::ItOperator));
        assert!(!Channel::Web.is_queued_for(Role::ComplaintOfficer));
        assert!(Channel::Phone.is_queued_for(Role::ComplaintOfficer));
        assert!(Channel::Phone.is_queued_for(Role::ItOperator));
        assert!(!Channel::Web.is_queued_for(Role::Admin));
    }
}
