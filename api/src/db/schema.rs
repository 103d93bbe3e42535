// The one schema both backends share; the migrations under `migrations/postgres`
// and `migrations/sqlite` create it, and a test checks they agree.

diesel::table! {
    app_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    divisions (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        username -> Text,
        full_name -> Text,
        email -> Nullable<Text>,
        password_hash -> Text,
        role -> Text,
        division_id -> Nullable<Text>,
        supervisor_id -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        family_id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        rotated_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    categories (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        description -> Text,
        resolution_days -> Integer,
        default_division_id -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    holiday_sets (code) {
        code -> Text,
        name -> Text,
        enabled -> Bool,
    }
}

diesel::table! {
    holidays (id) {
        id -> Text,
        day -> Date,
        name -> Text,
        set_code -> Text,
    }
}

diesel::table! {
    register_counters (year) {
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    complaints (id) {
        id -> Text,
        tracking_code -> Text,
        register_year -> Integer,
        register_seq -> Integer,
        kind -> Text,
        channel -> Text,
        status -> Text,
        category_id -> Text,
        subject -> Text,
        description -> Text,
        incident_date -> Nullable<Date>,
        incident_place -> Nullable<Text>,
        reporter_name -> Nullable<Text>,
        reporter_id_type -> Nullable<Text>,
        reporter_id_number -> Nullable<Text>,
        reporter_address -> Nullable<Text>,
        reporter_phone -> Nullable<Text>,
        reporter_email -> Nullable<Text>,
        is_anonymous -> Bool,
        is_confidential -> Bool,
        req_identity -> Nullable<Bool>,
        req_address -> Nullable<Bool>,
        req_evidence -> Nullable<Bool>,
        division_id -> Nullable<Text>,
        assignee_id -> Nullable<Text>,
        rejection_reason -> Nullable<Text>,
        duplicate_of_id -> Nullable<Text>,
        resolution -> Nullable<Text>,
        received_at -> Timestamp,
        received_on -> Date,
        target_days -> Integer,
        extension_days -> Integer,
        paused_days -> Integer,
        waiting_since -> Nullable<Date>,
        verification_due_on -> Date,
        resolution_due_on -> Date,
        reporter_due_on -> Nullable<Date>,
        sla_due_on -> Nullable<Date>,
        sla_at_risk_on -> Nullable<Date>,
        verified_at -> Nullable<Timestamp>,
        resolved_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        archived_at -> Nullable<Timestamp>,
        external_system -> Nullable<Text>,
        external_id -> Nullable<Text>,
        external_status -> Nullable<Text>,
        created_by_id -> Nullable<Text>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        reporter_language -> Text,
    }
}

diesel::table! {
    complaint_events (id) {
        id -> Text,
        complaint_id -> Text,
        seq -> Integer,
        occurred_at -> Timestamp,
        actor_kind -> Text,
        actor_id -> Nullable<Text>,
        actor_role -> Nullable<Text>,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        visibility -> Text,
        message -> Nullable<Text>,
        details -> Nullable<Text>,
    }
}

diesel::table! {
    attachments (id) {
        id -> Text,
        complaint_id -> Text,
        event_id -> Nullable<Text>,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        storage_key -> Text,
        uploaded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    evaluations (complaint_id) {
        complaint_id -> Text,
        overall -> Integer,
        scores -> Text,
        comment -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    escalations (complaint_id, step) {
        complaint_id -> Text,
        step -> Integer,
        to_user_id -> Nullable<Text>,
        reason -> Text,
        escalated_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (scope, key) {
        scope -> Text,
        key -> Text,
        request_hash -> Text,
        complaint_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        kind -> Text,
        complaint_id -> Nullable<Text>,
        recipient -> Text,
        language -> Text,
        subject -> Text,
        body_text -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        user_id -> Text,
        complaint_id -> Text,
        kind -> Text,
        title -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        occurred_at -> Timestamp,
        actor_id -> Nullable<Text>,
        actor_role -> Nullable<Text>,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<Text>,
        details -> Text,
        ip -> Nullable<Text>,
    }
}

diesel::joinable!(users -> divisions (division_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(categories -> divisions (default_division_id));
diesel::joinable!(holidays -> holiday_sets (set_code));
diesel::joinable!(complaints -> categories (category_id));
diesel::joinable!(complaint_events -> complaints (complaint_id));
diesel::joinable!(attachments -> complaints (complaint_id));
diesel::joinable!(evaluations -> complaints (complaint_id));
diesel::joinable!(escalations -> complaints (complaint_id));
diesel::joinable!(escalations -> users (to_user_id));
diesel::joinable!(outbox -> complaints (complaint_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(notifications -> complaints (complaint_id));
diesel::joinable!(audit_log -> users (actor_id));

diesel::allow_tables_to_appear_in_same_query!(
    app_secrets,
    divisions,
    users,
    refresh_tokens,
    categories,
    holiday_sets,
    holidays,
    register_counters,
    complaints,
    complaint_events,
    attachments,
    evaluations,
    escalations,
    idempotency_keys,
    outbox,
    notifications,
    audit_log,
);
