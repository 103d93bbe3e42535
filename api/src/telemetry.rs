//! Logging through env_logger, with the request id on every line written
//! while a request is handled, including lines from database threads. The
//! request's context (its id and the client's address) travels the same way,
//! so the audit log can name the address without every caller passing it.

use std::cell::RefCell;
use std::io::Write;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// What is known about the request being handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestContext {
    pub id: String,
    /// The client's address, as the rate limiter trusts it.
    pub client: Option<String>,
}

tokio::task_local! {
    static CONTEXT: RequestContext;
}

thread_local! {
    // Blocking threads run outside the task, so the context is handed over here.
    static BLOCKING_CONTEXT: RefCell<Option<RequestContext>> = const { RefCell::new(None) };
}

pub fn init_logging() {
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
        .format(|buf, record| {
            let id = current_request_id();
            writeln!(
                buf,
                "{} {:<5} {} [req={}] {}",
                chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"),
                record.level(),
                record.target(),
                id.as_deref().unwrap_or("-"),
                record.args()
            )
        })
        .try_init();
}

pub fn current_context() -> Option<RequestContext> {
    CONTEXT
        .try_with(|ctx| ctx.clone())
        .ok()
        .or_else(|| BLOCKING_CONTEXT.with(|ctx| ctx.borrow().clone()))
}

pub fn current_request_id() -> Option<String> {
    current_context().map(|ctx| ctx.id)
}

/// The address of the client whose request is being handled.
pub fn current_client() -> Option<String> {
    current_context().and_then(|ctx| ctx.client)
}

/// Runs blocking `work` in the context of the task that scheduled it.
pub fn within<T>(context: Option<RequestContext>, work: impl FnOnce() -> T) -> T {
    BLOCKING_CONTEXT.with(|slot| *slot.borrow_mut() = context);
    let result = work();
    BLOCKING_CONTEXT.with(|slot| *slot.borrow_mut() = None);
    result
}

/// Keeps a well-formed incoming id (from a load balancer) or makes one.
fn request_id_for(req: &ServiceRequest) -> String {
    req.headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string())
}

/// Gives the request its id, runs it inside the id's scope, and writes the
/// access log line there too (actix's own logger writes after the scope ends).
pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = request_id_for(&req);
    let started = std::time::Instant::now();
    let (method, path) = (req.method().clone(), req.path().to_string());
    let peer = req
        .connection_info()
        .realip_remote_addr()
        .unwrap_or("-")
        .to_string();
    let client = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .and_then(|state| state.limiter.client(req.request()))
        .map(|ip| ip.to_string());
    let context = RequestContext {
        id: id.clone(),
        client,
    };
    let mut response = CONTEXT
        .scope(context, async move {
            let response = next.call(req).await;
            let status = match &response {
                Ok(r) => r.status().as_u16(),
                Err(e) => e.as_response_error().status_code().as_u16(),
            };
            log::info!(
                "{peer} {method} {path} {status} {:.1}ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
            response
        })
        .await?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(response)
}
