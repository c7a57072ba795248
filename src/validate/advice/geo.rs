//! Where France is: one box of longitudes and latitudes per territory.
//!
//! Each box surrounds a territory's extreme points (the northernmost, southernmost,
//! westernmost and easternmost points listed for it in the French Wikipedia article
//! « Liste de points extrêmes de la France »), widened by about half a degree (some
//! 50 km) so that a point on a coast or an islet is never refused. The boxes are coarse:
//! the one of metropolitan France also holds bits of its neighbours, so a point in
//! Geneva or Barcelona passes. What they catch are the coordinates that are not
//! plausible at all: swapped, with a wrong sign, zero, projected (Lambert 93 metres
//! instead of degrees), or in another continent.
//!
//! The territories are those where people live: metropolitan France with Corsica, the
//! five overseas departments and regions, and the inhabited overseas collectivities
//! (Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin, inside Guadeloupe's
//! box, Wallis-et-Futuna, French Polynesia, New Caledonia). The French Southern and
//! Antarctic Lands and Clipperton, without inhabitants, are left out.

/// A territory's box: longitudes west to east, latitudes south to north, in degrees
/// (WGS 84).
struct Territory {
    name: &'static str,
    west: f64,
    east: f64,
    south: f64,
    north: f64,
}

const TERRITORIES: &[Territory] = &[
    Territory {
        name: "France métropolitaine",
        west: -5.7,
        east: 10.1,
        south: 40.8,
        north: 51.6,
    },
    Territory {
        name: "Guadeloupe, Saint-Martin, Saint-Barthélemy",
        west: -63.7,
        east: -60.5,
        south: 15.3,
        north: 18.6,
    },
    Territory {
        name: "Martinique",
        west: -61.7,
        east: -60.3,
        south: 13.9,
        north: 15.4,
    },
    Territory {
        name: "Guyane",
        west: -55.1,
        east: -51.1,
        south: 1.6,
        north: 6.3,
    },
    Territory {
        name: "La Réunion",
        west: 54.7,
        east: 56.3,
        south: -21.9,
        north: -20.4,
    },
    Territory {
        name: "Mayotte",
        west: 44.5,
        east: 45.8,
        south: -13.5,
        north: -12.1,
    },
    Territory {
        name: "Saint-Pierre-et-Miquelon",
        west: -56.9,
        east: -55.6,
        south: 46.2,
        north: 47.6,
    },
    Territory {
        name: "Wallis-et-Futuna",
        west: -178.7,
        east: -175.6,
        south: -14.9,
        north: -12.7,
    },
    Territory {
        name: "Polynésie française",
        west: -155.2,
        east: -133.9,
        south: -28.2,
        north: -7.4,
    },
    Territory {
        name: "Nouvelle-Calédonie",
        west: 157.5,
        east: 172.6,
        south: -23.4,
        north: -17.5,
    },
];

/// The territory of France whose box holds the point, if any.
///
/// ```
/// use data_inclusion_schema::validate::advice::territory_of;
///
/// assert_eq!(territory_of(3.06, 50.63), Some("France métropolitaine")); // Lille
/// assert_eq!(territory_of(55.45, -20.88), Some("La Réunion")); // Saint-Denis
/// assert_eq!(territory_of(50.63, 3.06), None); // Lille, swapped
/// assert_eq!(territory_of(0.0, 0.0), None);
/// ```
pub fn territory_of(longitude: f64, latitude: f64) -> Option<&'static str> {
    TERRITORIES
        .iter()
        .find(|t| (t.west..=t.east).contains(&longitude) && (t.south..=t.north).contains(&latitude))
        .map(|t| t.name)
}

/// What is wrong with a point, if anything ([`place`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// In France.
    France,
    /// Outside, but in France once longitude and latitude are exchanged.
    Swapped,
    /// Outside, either way.
    Outside,
}

/// Where a point is: in France, outside but in France once swapped, or outside.
///
/// ```
/// use data_inclusion_schema::validate::advice::geo::{place, Place};
///
/// assert_eq!(place(2.35, 48.86), Place::France);
/// assert_eq!(place(48.86, 2.35), Place::Swapped);
/// assert_eq!(place(-2.35, -48.86), Place::Outside);
/// ```
pub fn place(longitude: f64, latitude: f64) -> Place {
    if territory_of(longitude, latitude).is_some() {
        Place::France
    } else if territory_of(latitude, longitude).is_some() {
        Place::Swapped
    } else {
        Place::Outside
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefectures_are_in_france() {
        for (name, lon, lat) in [
            ("Paris", 2.35, 48.86),
            ("Ajaccio", 8.74, 41.93),
            ("Bonifacio", 9.16, 41.39),
            ("Brest", -4.49, 48.39),
            ("Ouessant", -5.10, 48.46),
            ("Strasbourg", 7.75, 48.58),
            ("Dunkerque", 2.38, 51.03),
            ("Basse-Terre", -61.73, 15.99),
            ("Marigot", -63.08, 18.07),
            ("Fort-de-France", -61.07, 14.60),
            ("Cayenne", -52.33, 4.94),
            ("Saint-Laurent-du-Maroni", -54.03, 5.50),
            ("Saint-Denis", 55.45, -20.88),
            ("Mamoudzou", 45.23, -12.78),
            ("Saint-Pierre", -56.18, 46.78),
            ("Mata-Utu", -176.17, -13.28),
            ("Papeete", -149.57, -17.54),
            ("Nuku Hiva", -140.10, -8.87),
            ("Nouméa", 166.46, -22.27),
        ] {
            assert_eq!(place(lon, lat), Place::France, "{name}");
        }
    }

    #[test]
    fn swapped_and_outside() {
        assert_eq!(place(48.86, 2.35), Place::Swapped); // Paris
        assert_eq!(place(-20.88, 55.45), Place::Swapped); // Saint-Denis (La Réunion)
        assert_eq!(place(-2.35, -48.86), Place::Outside); // wrong signs
        assert_eq!(place(652_000.0, 6_862_000.0), Place::Outside); // Lambert 93
        assert_eq!(place(0.0, 0.0), Place::Outside);
        assert_eq!(place(-73.99, 40.73), Place::Outside); // New York
        assert_eq!(place(f64::NAN, 48.0), Place::Outside);
    }
}
