//! The rejects file of `--skip-invalid`: the invalid rows exactly as read, in the input's format
//! (CSV with its header, or JSON Lines), ready to fix and run again. Created at the first reject,
//! so a run without any leaves no empty file behind.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use csv::ByteRecord;

use super::reader::Raw;
use crate::cli::error::CliError;

pub struct Rejects {
    pub path: PathBuf,
    pub count: u64,
    header: Option<ByteRecord>,
    out: Option<Out>,
}

enum Out {
    Csv(Box<csv::Writer<BufWriter<File>>>),
    Lines(BufWriter<File>),
}

impl Rejects {
    pub fn new(path: PathBuf) -> Rejects {
        Rejects {
            path,
            count: 0,
            header: None,
            out: None,
        }
    }

    /// The CSV header to write first.
    pub fn set_header(&mut self, header: Option<&ByteRecord>) {
        self.header = header.cloned();
    }

    pub fn write(&mut self, raw: &Raw) -> Result<(), CliError> {
        if self.out.is_none() {
            self.out = Some(self.create(raw)?);
        }
        let written = match (self.out.as_mut().expect("just created"), raw) {
            (Out::Csv(writer), Raw::Csv(record)) => writer
                .write_byte_record(record)
                .map_err(std::io::Error::from),
            (Out::Lines(writer), Raw::Line(line)) => writer
                .write_all(line)
                .and_then(|()| writer.write_all(b"\n")),
            _ => unreachable!("a rejects file has its input's format"),
        };
        written.map_err(|error| self.failed(error))?;
        self.count += 1;
        Ok(())
    }

    pub fn finish(&mut self) -> Result<(), CliError> {
        let flushed = match &mut self.out {
            Some(Out::Csv(writer)) => writer.flush(),
            Some(Out::Lines(writer)) => writer.flush(),
            None => Ok(()),
        };
        flushed.map_err(|error| self.failed(error))
    }

    fn create(&self, raw: &Raw) -> Result<Out, CliError> {
        let file = File::create(&self.path).map_err(|error| self.failed(error))?;
        let file = BufWriter::new(file);
        Ok(match raw {
            Raw::Csv(_) => {
                // Flexible: a reject may be a row with the wrong number of cells, kept as it was.
                let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(file);
                if let Some(header) = &self.header {
                    writer
                        .write_byte_record(header)
                        .map_err(|error| self.failed(std::io::Error::from(error)))?;
                }
                Out::Csv(Box::new(writer))
            }
            Raw::Line(_) => Out::Lines(file),
        })
    }

    fn failed(&self, error: std::io::Error) -> CliError {
        CliError::Failed(anyhow::anyhow!(
            "cannot write the rejects file {}: {error}; choose another place with --rejects FILE",
            self.path.display()
        ))
    }
}
