//! The service's notion of "now". Production reads the system clock; tests
//! set it, so deadlines are checked on chosen dates instead of by sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};

#[derive(Clone, Default)]
pub struct Clock {
    fixed_micros: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed_micros: None }
    }

    /// A clock that stands still at `at` until moved with [`Clock::set`].
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock {
            fixed_micros: Some(Arc::new(AtomicI64::new(at.timestamp_micros()))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.fixed_micros {
            Some(micros) => DateTime::from_timestamp_micros(micros.load(Ordering::SeqCst))
                .expect("a fixed clock holds a valid instant"),
            None => Utc::now(),
        }
    }

    /// Moves a fixed clock; a system clock ignores it.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Some(micros) = &self.fixed_micros {
            micros.store(at.timestamp_micros(), Ordering::SeqCst);
        }
    }
}
