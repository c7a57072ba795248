//! Records ↔ Apache Arrow [`RecordBatch`](arrow_array::RecordBatch)es (feature `arrow`),
//! for working on validated records with Polars, DataFusion or Spark without going
//! through JSON.
//!
//! - [`schema`]: the Arrow schema of a record type, generated from its field descriptors
//!   ([`Record::FIELDS`](crate::Record::FIELDS)), in the layout of the data.gouv.fr
//!   export's Parquet files (what pandas and pyarrow write from the marts).
//! - [`BatchBuilder`] and [`to_record_batch`]: records into batches, their `extra` fields
//!   as columns after the schema's.
//! - [`from_record_batch`]: a batch's rows validated as records, whatever the layout of
//!   the columns (what pyarrow, Polars, DuckDB or Spark write for the same data).
//!
//! The crate re-exports the Arrow crates it is built with ([`arrow_array`],
//! [`arrow_schema`]): use them (or the same versions) to hand batches to other Arrow
//! libraries.
//!
//! ```
//! use data_inclusion_schema::io::arrow;
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! let json = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Garde",
//!     "description": "Une crèche.", "date_maj": "2025-02-14", "thematiques": ["famille--garde-denfants"]}"#;
//! let service: Service = serde_json::from_str(json)?;
//! let batch = arrow::to_record_batch(&[service.clone()])?.expect("one record");
//! assert_eq!(batch.schema().as_ref(), &arrow::schema::<Service>());
//!
//! let back = arrow::from_record_batch::<Service>(&batch, &Validator::new())?;
//! assert_eq!(back[0].as_ref().unwrap().record.as_ref(), Some(&service));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
pub(crate) mod rows;
mod schema;

pub use build::{to_record_batch, ArrowWriteError, BatchBuilder};
pub use rows::{from_record_batch, UnsupportedColumn};
pub use schema::{schema, JSON_TEXT_METADATA};

/// The `arrow-array` crate this crate is built with (`RecordBatch`, the arrays).
pub use arrow_array;
/// The `arrow-schema` crate this crate is built with (`Schema`, `DataType`).
pub use arrow_schema;
