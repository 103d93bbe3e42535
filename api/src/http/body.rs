//! Request bodies that may be JSON or multipart (JSON plus evidence files).
//! Files are read with their limits enforced while streaming, and accepted
//! only when their content is of an accepted type.

use actix_multipart::Multipart;
use actix_web::{http::header, web, HttpRequest};
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::{deserialize_problem, ApiError, FieldError};
use crate::storage::{clean_file_name, sniff, Upload, ACCEPTED_TYPES};

/// A file's bytes in a response (an export, a record), for the API document.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)] // documents the wire format only
pub struct BinaryFile(Vec<u8>);

/// The largest JSON document we read (a submission is a few kilobytes).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

pub struct Limits {
    pub max_file_bytes: usize,
    pub max_files: usize,
}

/// Reads `T` from a JSON body, or from the part named `json_part` of a
/// multipart body whose `files` parts are the attachments.
pub async fn json_with_files<T: DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
    json_part: &str,
    limits: &Limits,
) -> Result<(T, Vec<Upload>), ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") {
        let bytes = read_limited(payload, MAX_JSON_BYTES).await?;
        return Ok((parse_json(&bytes)?, Vec::new()));
    }
    if !content_type.starts_with("multipart/form-data") {
        return Err(ApiError::UnsupportedMediaType(
            "send application/json, or multipart/form-data with a JSON part and files".into(),
        ));
    }
    let mut multipart = Multipart::new(req.headers(), payload);
    let mut json: Option<T> = None;
    let mut files = Vec::new();
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field
            .content_disposition()
            .and_then(|d| d.get_name())
            .unwrap_or("")
            .to_string();
        if name == json_part {
            let bytes = read_field(&mut field, MAX_JSON_BYTES, json_part).await?;
            json = Some(parse_json(&bytes)?);
        } else if name == "files" || name == "files[]" {
            let index = files.len();
            if index >= limits.max_files {
                return Err(ApiError::PayloadTooLarge(format!(
                    "at most {} files may be attached",
                    limits.max_files
                )));
            }
            let raw_name = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .unwrap_or("file")
                .to_string();
            let bytes = read_field(
                &mut field,
                limits.max_file_bytes,
                &format!("files[{index}]"),
            )
            .await?;
            if bytes.is_empty() {
                return Err(ApiError::Validation(vec![FieldError::new(
                    format!("files[{index}]"),
                    "empty",
                    "the file is empty",
                )]));
            }
            let Some(content_type) = sniff(&bytes) else {
                return Err(ApiError::UnsupportedMediaType(format!(
                    "files[{index}] ('{}') is not an accepted type; accepted: {}",
                    clean_file_name(&raw_name),
                    ACCEPTED_TYPES.join(", ")
                )));
            };
            files.push(Upload::new(clean_file_name(&raw_name), content_type, bytes));
        } else {
            return Err(ApiError::field(
                if name.is_empty() { "body" } else { &name },
                "unknown_part",
                format!("expected the parts '{json_part}' and 'files'"),
            ));
        }
    }
    let json = json.ok_or_else(|| {
        ApiError::field(
            json_part,
            "required",
            format!("the multipart body needs a '{json_part}' part with JSON"),
        )
    })?;
    Ok((json, files))
}

fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| {
        if e.is_data() {
            deserialize_problem(&e.to_string())
        } else {
            ApiError::BadRequest(format!("the body is not valid JSON: {e}"))
        }
    })
}

fn malformed(e: actix_multipart::MultipartError) -> ApiError {
    ApiError::BadRequest(format!("the multipart body is malformed: {e}"))
}

async fn read_field(
    field: &mut actix_multipart::Field,
    limit: usize,
    what: &str,
) -> Result<Bytes, ApiError> {
    let mut buffer = BytesMut::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(malformed)?;
        if buffer.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(format!(
                "{what} is larger than {} bytes",
                limit
            )));
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(buffer.freeze())
}

async fn read_limited(mut payload: web::Payload, limit: usize) -> Result<Bytes, ApiError> {
    let mut buffer = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::BadRequest(format!("could not read the body: {e}")))?;
        if buffer.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(format!(
                "the body is larger than {limit} bytes"
            )));
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(buffer.freeze())
}
