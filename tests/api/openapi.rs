//! The committed `openapi.yaml` is the spec the code generates.

#[test]
fn committed_openapi_yaml_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.yaml");
    let generated = aduan::openapi::yaml();
    if std::env::var("ADUAN_UPDATE_OPENAPI").is_ok() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi.yaml is stale: run `make openapi` (or ADUAN_UPDATE_OPENAPI=1 cargo test -p aduan-tests openapi) and commit it"
    );
}

#[test]
fn every_operation_documents_its_problems() {
    let spec = aduan::openapi::document();
    let json = serde_json::to_value(&spec).unwrap();
    for (path, item) in json["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(!responses.is_empty(), "{method} {path} has responses");
            let secured = op.get("security").is_some();
            if secured {
                assert!(
                    responses.keys().any(|code| code.starts_with('4')),
                    "{method} {path} documents its client errors"
                );
            }
        }
    }
}
