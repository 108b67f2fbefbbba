//! Whether a place's coordinates fit the article they come from.
//!
//! A gazetteer answers for a name, not for an article: `White House` is
//! also a translation of Casablanca, and a name shared by towns on two
//! continents gets the larger one. When an article's located places lie
//! in one region, a place far from all of them in a country the article
//! never names is more likely a wrong reading than a report from there,
//! so the map lists it apart instead of drawing it silently. An article
//! with no region of its own (a world round-up) doubts nothing.

/// A place with coordinates: latitude, longitude, ISO country code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Located<'a> {
    pub lat: f32,
    pub lon: f32,
    pub country: &'a str,
}

/// Farther than this from every other place of the article is far.
const FAR_KM: f64 = 2500.0;
/// At least this many other located places make a region to compare with.
const MIN_OTHERS: usize = 3;
/// Beyond this many located places the article is a collection, not one
/// report with a region, and the quadratic check is not worth its time.
const MAX_PLACES: usize = 2000;

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f32, f32), b: (f32, f32)) -> f64 {
    let (lat1, lon1) = (f64::from(a.0).to_radians(), f64::from(a.1).to_radians());
    let (lat2, lon2) = (f64::from(b.0).to_radians(), f64::from(b.1).to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// For each of `places`, whether its position contradicts the article's
/// region: the other places agree on a region (most of them within
/// [`FAR_KM`] of another), this one is farther than that from all of
/// them, and its country is not one the article names (`named`, or the
/// country of another place).
pub fn doubtful(places: &[Located], named: &[&str]) -> Vec<bool> {
    let n = places.len();
    if n <= MIN_OTHERS || n > MAX_PLACES {
        return vec![false; n];
    }
    let at = |p: &Located| (p.lat, p.lon);
    // Each place's distance to its nearest other place.
    let nearest: Vec<f64> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i)
                .map(|j| distance_km(at(&places[i]), at(&places[j])))
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    (0..n)
        .map(|i| {
            let p = &places[i];
            if nearest[i] <= FAR_KM || p.country.is_empty() {
                return false;
            }
            let named_here = named.contains(&p.country)
                || places
                    .iter()
                    .enumerate()
                    .any(|(j, q)| j != i && q.country == p.country);
            if named_here {
                return false;
            }
            // The others make a region when most of them have a near
            // neighbour among themselves.
            let clustered = (0..n)
                .filter(|&j| j != i)
                .filter(|&j| {
                    (0..n).any(|k| {
                        k != i && k != j && distance_km(at(&places[j]), at(&places[k])) <= FAR_KM
                    })
                })
                .count();
            clustered * 3 >= (n - 1) * 2
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f32, lon: f32, country: &str) -> Located<'_> {
        Located { lat, lon, country }
    }

    #[test]
    fn a_place_far_from_the_article_region_is_doubtful() {
        // Washington, Baltimore, New York, Boston, and Casablanca.
        let places = [
            at(38.9, -77.0, "US"),
            at(39.3, -76.6, "US"),
            at(40.7, -74.0, "US"),
            at(42.4, -71.1, "US"),
            at(33.6, -7.6, "MA"),
        ];
        assert_eq!(
            doubtful(&places, &["US"]),
            [false, false, false, false, true]
        );
        // The article names Morocco: a report from there, not a misreading.
        assert_eq!(doubtful(&places, &["US", "MA"]), [false; 5]);
    }

    #[test]
    fn a_round_up_with_no_region_doubts_nothing() {
        // Paris, Tokyo, New York, Sydney, Nairobi.
        let places = [
            at(48.9, 2.35, "FR"),
            at(35.7, 139.7, "JP"),
            at(40.7, -74.0, "US"),
            at(-33.9, 151.2, "AU"),
            at(-1.3, 36.8, "KE"),
        ];
        assert_eq!(doubtful(&places, &[]), [false; 5]);
    }

    #[test]
    fn few_places_are_not_enough_to_judge() {
        let places = [
            at(38.9, -77.0, "US"),
            at(39.3, -76.6, "US"),
            at(33.6, -7.6, "MA"),
        ];
        assert_eq!(doubtful(&places, &[]), [false; 3]);
    }

    #[test]
    fn distance_is_great_circle() {
        let d = distance_km((51.5, -0.13), (48.86, 2.35));
        assert!((330.0..360.0).contains(&d), "{d}");
        assert!(distance_km((0.0, 179.9), (0.0, -179.9)) < 30.0);
    }
}
