//! The trait of the schema's record types.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::__private::{Slot, SlotError};
use crate::spec::FieldSpec;
use crate::Extra;

/// A record type of the schema (`Structure`, `Service`), with its field descriptors.
pub trait Record: Serialize + DeserializeOwned + Clone + std::fmt::Debug {
    /// The name of the record in the schema (`"Structure"`).
    const NAME: &'static str;
    /// The fields, in the order of the schema's `properties`.
    const FIELDS: &'static [FieldSpec];

    /// The fields of the input that the schema does not know, kept as they were.
    fn extra(&self) -> &Extra;
    /// Mutable access to the fields the schema does not know.
    fn extra_mut(&mut self) -> &mut Extra;

    /// The index in [`Self::FIELDS`] of the property named `name`. The generated types
    /// answer with a `match`; this default searches the list.
    fn field_index(name: &str) -> Option<usize> {
        Self::FIELDS.iter().position(|f| f.name == name)
    }

    /// Builds the record from validated values, one per field of [`Self::FIELDS`] in
    /// order, and the unknown fields. The generated types build it directly; this
    /// default goes through JSON.
    #[doc(hidden)]
    fn from_slots(slots: Vec<Slot>, extra: Extra) -> Result<Self, SlotError> {
        let mut map = extra.to_map();
        for (spec, slot) in Self::FIELDS.iter().zip(slots) {
            map.insert(spec.name.to_string(), slot.into_json());
        }
        serde_json::from_value(serde_json::Value::Object(map)).map_err(|_| SlotError("record"))
    }

    /// The single-pass validator (the validator's first pass; see the "Two passes, one
    /// verdict" section of [`validate`](crate::validate)), over JSON text, `serde_json`
    /// values or CSV cells: the record when it has nothing to report, `None` when the full
    /// check must decide. The generated types have one (with the generator's
    /// `Settings::fast_validation`); this default always defers to the full check.
    #[cfg(feature = "validate")]
    #[doc(hidden)]
    fn fast_read<'t, S: crate::__private::Source<'t>>(cx: &mut S) -> Option<Self> {
        let _ = cx;
        None
    }

    /// The single pass for the verdict alone (`Validator::is_valid_json`): `Some` exactly
    /// when [`Self::fast_read`] gives a record, but no record is built (the fields the
    /// schema does not know skipped, strings checked where the input lends them). The
    /// generated types have one beside their `fast_read`; this default reads the record
    /// and drops it.
    #[cfg(feature = "validate")]
    #[doc(hidden)]
    fn fast_verdict<'t, S: crate::__private::Source<'t>>(cx: &mut S) -> Option<()> {
        Self::fast_read(cx).map(drop)
    }
}
