//! `data-inclusion template FILE.xlsx`: the producer's template.

use std::path::Path;

use anstream::eprintln;
use data_inclusion_schema::io::xlsx;

use crate::fatal::Fatal;

/// Writes the template to `file`.
pub fn template(file: &Path) -> Result<bool, Fatal> {
    xlsx::write_template(file).map_err(|source| Fatal::Workbook {
        path: file.to_path_buf(),
        source,
    })?;
    eprintln!(
        "{} : modèle écrit (feuilles Structures, Services et Référentiels). Remplissez-le à partir de la ligne 4, puis : data-inclusion validate --valideur {}",
        file.display(),
        file.display()
    );
    Ok(true)
}
