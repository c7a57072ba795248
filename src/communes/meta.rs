// Written by scripts/communes/compact.py: do not edit.

/// The version of the npm package the tables come from.
pub const PACKAGE_VERSION: &str = "6.0.0";

/// The year of the Code officiel géographique the tables follow (the package's millésime).
pub const MILLESIME: &str = "2026";

/// How many commune codes the tables hold.
pub const COMMUNE_COUNT: usize = 37006;

/// The codes of the départements, sorted.
pub(super) const DEPARTEMENTS: &[&str] = &[
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "21", "22", "23", "24", "25", "26", "27", "28", "29", "2A", "2B", "30", "31",
    "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47",
    "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63",
    "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95",
    "971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988", "989",
];

/// The codes of the régions, sorted.
pub(super) const REGIONS: &[&str] = &[
    "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84",
    "93", "94", "975", "977", "978", "984", "986", "987", "988", "989",
];
