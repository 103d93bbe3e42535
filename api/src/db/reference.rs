//! Reference data: divisions, categories, the holiday calendar and secrets.

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use diesel::prelude::*;

use super::schema::{app_secrets, categories, divisions, holiday_sets, holidays};
use super::{new_id, DbConn};
use crate::domain::{holidays as seed_holidays, Calendar};
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = divisions)]
pub struct DivisionRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = categories, treat_none_as_null = true)]
pub struct CategoryRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub description: String,
    pub resolution_days: i32,
    pub default_division_id: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = holiday_sets)]
pub struct HolidaySetRow {
    pub code: String,
    pub name: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = holidays)]
pub struct HolidayRow {
    pub id: String,
    pub day: NaiveDate,
    pub name: String,
    pub set_code: String,
}

pub fn divisions(conn: &mut DbConn) -> Result<Vec<DivisionRow>, ApiError> {
    Ok(divisions::table
        .order(divisions::name.asc())
        .select(DivisionRow::as_select())
        .load(conn)?)
}

pub fn division(conn: &mut DbConn, id: &str) -> Result<Option<DivisionRow>, ApiError> {
    Ok(divisions::table
        .find(id)
        .select(DivisionRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert_division(conn: &mut DbConn, row: &DivisionRow) -> Result<(), ApiError> {
    diesel::insert_into(divisions::table)
        .values(row)
        .execute(conn)
        .map_err(|e| taken(e, "code", &row.code))?;
    Ok(())
}

pub fn save_division(conn: &mut DbConn, row: &DivisionRow) -> Result<(), ApiError> {
    diesel::update(divisions::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map_err(|e| taken(e, "code", &row.code))?;
    Ok(())
}

pub fn categories(conn: &mut DbConn, only_active: bool) -> Result<Vec<CategoryRow>, ApiError> {
    let mut query = categories::table.into_boxed();
    if only_active {
        query = query.filter(categories::active.eq(true));
    }
    Ok(query
        .order(categories::name.asc())
        .select(CategoryRow::as_select())
        .load(conn)?)
}

pub fn category(conn: &mut DbConn, id: &str) -> Result<Option<CategoryRow>, ApiError> {
    Ok(categories::table
        .find(id)
        .select(CategoryRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert_category(conn: &mut DbConn, row: &CategoryRow) -> Result<(), ApiError> {
    diesel::insert_into(categories::table)
        .values(row)
        .execute(conn)
        .map_err(|e| taken(e, "code", &row.code))?;
    Ok(())
}

pub fn save_category(conn: &mut DbConn, row: &CategoryRow) -> Result<(), ApiError> {
    diesel::update(categories::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map_err(|e| taken(e, "code", &row.code))?;
    Ok(())
}

fn taken(error: diesel::result::Error, field: &str, value: &str) -> ApiError {
    match ApiError::from(error) {
        ApiError::Conflict(_) => {
            ApiError::field(field, "taken", format!("'{value}' is already used"))
        }
        other => other,
    }
}

pub fn holiday_sets(conn: &mut DbConn) -> Result<Vec<HolidaySetRow>, ApiError> {
    Ok(holiday_sets::table
        .order(holiday_sets::code.asc())
        .select(HolidaySetRow::as_select())
        .load(conn)?)
}

pub fn set_holiday_set_enabled(
    conn: &mut DbConn,
    code: &str,
    enabled: bool,
) -> Result<bool, ApiError> {
    Ok(diesel::update(holiday_sets::table.find(code))
        .set(holiday_sets::enabled.eq(enabled))
        .execute(conn)?
        == 1)
}

pub fn holidays_between(
    conn: &mut DbConn,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<HolidayRow>, ApiError> {
    Ok(holidays::table
        .filter(holidays::day.between(from, to))
        .order((holidays::day.asc(), holidays::set_code.asc()))
        .select(HolidayRow::as_select())
        .load(conn)?)
}

pub fn insert_holiday(conn: &mut DbConn, row: &HolidayRow) -> Result<(), ApiError> {
    diesel::insert_into(holidays::table)
        .values(row)
        .execute(conn)
        .map_err(|e| match ApiError::from(e) {
            ApiError::Conflict(_) => ApiError::field(
                "day",
                "taken",
                format!(
                    "{} is already a holiday in the set '{}'",
                    row.day, row.set_code
                ),
            ),
            other => other,
        })?;
    Ok(())
}

/// Removes a holiday; returns what it was, if there was one.
pub fn delete_holiday(conn: &mut DbConn, id: &str) -> Result<Option<HolidayRow>, ApiError> {
    let row = holidays::table
        .find(id)
        .select(HolidayRow::as_select())
        .first(conn)
        .optional()?;
    if row.is_some() {
        diesel::delete(holidays::table.find(id)).execute(conn)?;
    }
    Ok(row)
}

/// The working-day calendar: every holiday of an enabled set.
pub fn calendar(conn: &mut DbConn, tz: Tz) -> Result<Calendar, ApiError> {
    let days: Vec<NaiveDate> = holidays::table
        .inner_join(holiday_sets::table)
        .filter(holiday_sets::enabled.eq(true))
        .select(holidays::day)
        .load(conn)?;
    Ok(Calendar::new(tz, days))
}

/// A secret shared by every replica, made once by whichever starts first.
pub fn secret(
    conn: &mut DbConn,
    name: &str,
    make: impl FnOnce() -> String,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    let existing = app_secrets::table
        .find(name)
        .select(app_secrets::value)
        .first::<String>(conn)
        .optional()?;
    if let Some(value) = existing {
        return Ok(value);
    }
    let value = make();
    diesel::insert_into(app_secrets::table)
        .values((
            app_secrets::name.eq(name),
            app_secrets::value.eq(&value),
            app_secrets::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(value)
}

/// Reference data for a new installation (DPMPTSP Kabupaten Bangli): its
/// divisions, complaint categories with their working-day targets, and the
/// 2026 holiday calendar. Adds only what is missing, so it is safe to rerun.
pub fn seed(conn: &mut DbConn, now: NaiveDateTime) -> Result<SeedReport, ApiError> {
    let mut report = SeedReport::default();
    const DIVISIONS: &[(&str, &str)] = &[
        ("SEKRETARIAT", "Sekretariat"),
        ("PELAYANAN", "Bidang Pelayanan Perizinan dan Non Perizinan"),
        (
            "PENANAMAN-MODAL",
            "Bidang Promosi dan Pengembangan Iklim Penanaman Modal",
        ),
        (
            "PENGENDALIAN",
            "Bidang Pengendalian dan Pelaksanaan Penanaman Modal",
        ),
        (
            "PENGADUAN",
            "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan",
        ),
    ];
    for (code, name) in DIVISIONS {
        let exists: i64 = divisions::table
            .filter(divisions::code.eq(code))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            insert_division(
                conn,
                &DivisionRow {
                    id: new_id(),
                    code: code.to_string(),
                    name: name.to_string(),
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            report.divisions += 1;
        }
    }
    // (code, name, description, working days, division code)
    const CATEGORIES: &[(&str, &str, &str, i32, &str)] = &[
        (
            "PERIZINAN",
            "Perizinan berusaha",
            "Izin usaha, OSS RBA, PBG, persetujuan lingkungan",
            14,
            "PELAYANAN",
        ),
        (
            "NON-PERIZINAN",
            "Non perizinan",
            "Rekomendasi, surat keterangan dan layanan non perizinan",
            14,
            "PELAYANAN",
        ),
        (
            "INVESTASI",
            "Penanaman modal",
            "Informasi dan fasilitasi penanaman modal",
            20,
            "PENANAMAN-MODAL",
        ),
        (
            "PENGAWASAN",
            "Pengawasan dan pengendalian",
            "Pelaksanaan izin di lapangan, LKPM",
            30,
            "PENGENDALIAN",
        ),
        (
            "PETUGAS",
            "Sikap dan perilaku petugas",
            "Keramahan, integritas, pungutan liar",
            10,
            "SEKRETARIAT",
        ),
        (
            "INFORMASI",
            "Informasi layanan",
            "Persyaratan, biaya, waktu dan prosedur layanan",
            5,
            "PENGADUAN",
        ),
        (
            "LAINNYA",
            "Lainnya",
            "Hal lain yang terkait layanan DPMPTSP",
            14,
            "PENGADUAN",
        ),
    ];
    for (code, name, description, days, division_code) in CATEGORIES {
        let exists: i64 = categories::table
            .filter(categories::code.eq(code))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            let division_id = divisions::table
                .filter(divisions::code.eq(division_code))
                .select(divisions::id)
                .first::<String>(conn)
                .optional()?;
            insert_category(
                conn,
                &CategoryRow {
                    id: new_id(),
                    code: code.to_string(),
                    name: name.to_string(),
                    description: description.to_string(),
                    resolution_days: *days,
                    default_division_id: division_id,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            report.categories += 1;
        }
    }
    for set in seed_holidays::SETS {
        let exists: i64 = holiday_sets::table
            .filter(holiday_sets::code.eq(set.code))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            diesel::insert_into(holiday_sets::table)
                .values(&HolidaySetRow {
                    code: set.code.to_string(),
                    name: set.name.to_string(),
                    enabled: set.enabled_by_default,
                })
                .execute(conn)?;
        }
    }
    for holiday in seed_holidays::seed_2026() {
        let exists: i64 = holidays::table
            .filter(holidays::day.eq(holiday.date()))
            .filter(holidays::set_code.eq(holiday.set))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            insert_holiday(
                conn,
                &HolidayRow {
                    id: new_id(),
                    day: holiday.date(),
                    name: holiday.name.to_string(),
                    set_code: holiday.set.to_string(),
                },
            )?;
            report.holidays += 1;
        }
    }
    Ok(report)
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub divisions: usize,
    pub categories: usize,
    pub holidays: usize,
}
