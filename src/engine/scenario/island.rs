//! Which island of NTB a scenario takes place on, read from the worker's place. The format asks
//! for "village or market and regency in NTB" there, so the regency names it: no field of its
//! own, and the library can filter scenarios by island from the index it already has.

/// The two islands of NTB province.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Island {
    /// Kota Mataram, Lombok Barat, Lombok Tengah, Lombok Timur, Lombok Utara (the Gili too).
    Lombok,
    /// Sumbawa Barat, Sumbawa, Dompu, Bima and Kota Bima.
    Sumbawa,
}

impl Island {
    /// Both islands, west to east.
    pub const ALL: [Island; 2] = [Island::Lombok, Island::Sumbawa];

    /// The island's name (the same in both languages).
    pub fn name(self) -> &'static str {
        match self {
            Island::Lombok => "Lombok",
            Island::Sumbawa => "Sumbawa",
        }
    }
}

/// The regencies and cities of NTB, by the words that name them in a place, with their island.
/// Every name here is one word or more that appears in no other regency's name except where
/// the longer name is listed first ("Sumbawa Barat" before "Sumbawa").
const REGENCIES: [(&str, Island); 11] = [
    ("mataram", Island::Lombok),
    ("lombok barat", Island::Lombok),
    ("lombok tengah", Island::Lombok),
    ("lombok timur", Island::Lombok),
    ("lombok utara", Island::Lombok),
    ("lombok", Island::Lombok),
    ("sumbawa barat", Island::Sumbawa),
    ("sumbawa", Island::Sumbawa),
    ("dompu", Island::Sumbawa),
    ("bima", Island::Sumbawa),
    ("gili", Island::Lombok),
];

/// The island a place names (through its regency or city), if it names one.
pub fn island_of(place: &str) -> Option<Island> {
    // ASCII case only: the names are ASCII, and Unicode case tables would add about 20 KB to
    // the phone's download.
    let place = place.to_ascii_lowercase();
    // The last regency named wins: "Pasar Sumbawa, Kota Mataram" is in Mataram.
    REGENCIES
        .iter()
        .filter_map(|(name, island)| place.rfind(name).map(|at| (at, *island)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, island)| island)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regency_names_the_island() {
        let cases = [
            ("Labuhan Haji, Lombok Timur", Some(Island::Lombok)),
            (
                "Pasar Kebon Roek, Ampenan, Kota Mataram",
                Some(Island::Lombok),
            ),
            ("Gili Trawangan", Some(Island::Lombok)),
            ("Taliwang, Sumbawa Barat", Some(Island::Sumbawa)),
            ("Labuhan Sumbawa, Sumbawa", Some(Island::Sumbawa)),
            ("Woha, Bima", Some(Island::Sumbawa)),
            ("Pasar Raya Amahami, Kota Bima", Some(Island::Sumbawa)),
            ("Hu'u, DOMPU", Some(Island::Sumbawa)),
            ("Jalan Sumbawa, Kota Mataram", Some(Island::Lombok)),
            ("Denpasar", None),
            ("", None),
        ];
        for (place, island) in cases {
            assert_eq!(island_of(place), island, "{place}");
        }
    }
}
