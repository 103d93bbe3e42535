//! One schema, two databases: the migrations of both backends must build
//! the same tables, columns, types and nullability.

use std::collections::BTreeSet;

use aduan::config::DatabaseConfig;
use aduan::db::{migrations, Db, DbConn};
use aduan_tests::{Backend, FreshDatabase};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

#[derive(QueryableByName)]
struct SqliteTable {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    r#type: String,
    #[diesel(sql_type = Integer)]
    notnull: i32,
    #[diesel(sql_type = Integer)]
    pk: i32,
}

/// (table, column, portable type, nullable)
type Shape = BTreeSet<(String, String, String, bool)>;

fn portable(declared: &str) -> String {
    match declared.to_ascii_lowercase().as_str() {
        "text" | "character varying" => "text",
        "boolean" => "bool",
        "integer" => "int",
        "bigint" => "bigint",
        "date" => "date",
        "timestamp" | "timestamp without time zone" => "timestamp",
        other => panic!("column type {other} is not portable"),
    }
    .to_string()
}

fn migrated(backend: Backend) -> (FreshDatabase, Db) {
    let fresh = FreshDatabase::new(backend);
    let target = match backend {
        Backend::Postgres => DatabaseConfig::Postgres(fresh.url.clone()),
        Backend::Sqlite => DatabaseConfig::Sqlite(fresh.url.clone().into()),
    };
    let db = Db::connect(&target, 1).unwrap();
    migrations::run_pending(&mut db.conn().unwrap()).unwrap();
    (fresh, db)
}

fn shape(db: &Db) -> Shape {
    let mut conn = db.conn().unwrap();
    match &mut *conn {
        DbConn::Postgres(pg) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS data_type, is_nullable::text AS is_nullable \
             FROM information_schema.columns WHERE table_schema = 'public' \
             AND table_name <> '__diesel_schema_migrations'",
        )
        .load::<PgColumn>(pg)
        .unwrap()
        .into_iter()
        .map(|c| {
            (
                c.table_name,
                c.column_name,
                portable(&c.data_type),
                c.is_nullable == "YES",
            )
        })
        .collect(),
        DbConn::Sqlite(lite) => {
            let tables = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations'",
            )
            .load::<SqliteTable>(lite)
            .unwrap();
            let mut shape = Shape::new();
            for table in tables {
                let columns = diesel::sql_query(format!("PRAGMA table_info('{}')", table.name))
                    .load::<SqliteColumn>(lite)
                    .unwrap();
                for c in columns {
                    // SQLite lets a primary key be NULL unless declared otherwise;
                    // it holds no NULL in practice, as PostgreSQL's refuses them.
                    let nullable = c.notnull == 0 && c.pk == 0;
                    shape.insert((table.name.clone(), c.name, portable(&c.r#type), nullable));
                }
            }
            shape
        }
    }
}

#[test]
fn postgres_and_sqlite_migrations_build_the_same_schema() {
    let (_pg, pg) = migrated(Backend::Postgres);
    let (_lite, lite) = migrated(Backend::Sqlite);
    let (pg_shape, lite_shape) = (shape(&pg), shape(&lite));
    let only_pg: Vec<_> = pg_shape.difference(&lite_shape).collect();
    let only_lite: Vec<_> = lite_shape.difference(&pg_shape).collect();
    assert!(
        only_pg.is_empty() && only_lite.is_empty(),
        "only in PostgreSQL: {only_pg:#?}\nonly in SQLite: {only_lite:#?}"
    );
    assert!(
        pg_shape.len() > 80,
        "the schema was read ({} columns)",
        pg_shape.len()
    );
}
