//! The embedded desk: the desk core run in-process on a local SQLite file, so that filing works
//! on a fresh machine with nothing running. The owner of the file sees every ticket in it.

use std::path::{Path, PathBuf};

use crate::api::{Author, Health, Stats, TicketPage, TicketView};
use crate::clock::Clock;
use crate::desk::{CreateRequest, Created, DeskCore, DeskError, ListFilter, Scope, Upload};
use crate::domain::calendar::Calendar;
use crate::domain::timestamp::format_utc;
use crate::domain::tracking::TrackingNumber;

use super::{Desk, RequestError};

pub struct EmbeddedDesk {
    core: DeskCore,
    path: PathBuf,
    clock: Clock,
}

impl EmbeddedDesk {
    /// Open (creating it and its folder if needed) the desk file at `path`.
    pub fn open(path: &Path, clock: Clock) -> Result<EmbeddedDesk, anyhow::Error> {
        // The core creates the file and its folders, private to this user.
        let core = DeskCore::open(path, Calendar::cartsaver()).map_err(|error| {
            anyhow::anyhow!("cannot open the local desk at {}: {error}", path.display())
        })?;
        if let Some(warning) = core.warning() {
            anstream::eprintln!("warning: {warning}");
        }
        Ok(EmbeddedDesk {
            core,
            path: path.to_path_buf(),
            clock,
        })
    }
}

fn refused(error: DeskError) -> RequestError {
    RequestError::Refused {
        status: error.http_status(),
        detail: error.detail(),
    }
}

impl Desk for EmbeddedDesk {
    fn describe(&self) -> String {
        format!("the local desk at {}", self.path.display())
    }

    fn is_local(&self) -> bool {
        true
    }

    fn create(&self, request: CreateRequest) -> Result<Created, RequestError> {
        self.core
            .create_ticket(&Scope::Everything, request, self.clock.now())
            .map_err(refused)
    }

    fn ticket(&self, tracking: &TrackingNumber) -> Result<TicketView, RequestError> {
        self.core
            .ticket(&Scope::Everything, tracking, self.clock.now())
            .map_err(refused)
    }

    fn list(&self, filter: &ListFilter) -> Result<TicketPage, RequestError> {
        self.core
            .list(&Scope::Everything, filter, self.clock.now())
            .map_err(refused)
    }

    fn reply(
        &self,
        tracking: &TrackingNumber,
        body: &str,
        attachments: Vec<Upload>,
    ) -> Result<TicketView, RequestError> {
        let now = self.clock.now();
        self.core
            .add_message(
                &Scope::Everything,
                tracking,
                Author::Merchant,
                body,
                attachments,
                now,
            )
            .map_err(refused)
    }

    fn resolve(&self, tracking: &TrackingNumber) -> Result<TicketView, RequestError> {
        self.core
            .resolve(&Scope::Everything, tracking, self.clock.now())
            .map_err(refused)
    }

    fn stats(&self) -> Result<Stats, RequestError> {
        self.core
            .stats(&Scope::Everything, self.clock.now())
            .map_err(refused)
    }

    fn calendar(&self) -> Result<Calendar, RequestError> {
        Ok(self.core.calendar().clone())
    }

    fn health(&self) -> Result<Health, RequestError> {
        Ok(Health {
            status: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            time: format_utc(self.clock.now()),
        })
    }
}
