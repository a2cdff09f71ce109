//! `calc`: a contribution for a worker, itemised with both discounts, printed as JSON so
//! scripts and trainers can compare it with the official figures.

use latih::engine::{Eligibility, RatesTable, Worker};

use crate::args::Args;

/// Prints the contribution for `--income` (and the other options) as JSON.
pub(crate) fn calc(a: &Args) -> Result<bool, String> {
    let income: u64 = a
        .get("income")
        .ok_or("--income is needed")?
        .parse()
        .map_err(|_| "--income takes a number")?;
    let package_name = a.get("package").unwrap_or("jkk_jkm");
    let package: latih::engine::Package =
        serde_json::from_value(serde_json::Value::from(package_name))
            .map_err(|_| format!("bad --package {package_name}"))?;
    let occupation_name = a.get("occupation").unwrap_or("other");
    let occupation: latih::engine::Occupation =
        serde_json::from_value(serde_json::Value::from(occupation_name))
            .map_err(|_| format!("bad --occupation {occupation_name}"))?;
    let date = a.date()?;
    let months: u32 = a
        .get("months")
        .unwrap_or("1")
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or("--months takes 1 to 12")?;
    let worker = Worker {
        income,
        occupation,
        government_paid: a.government_paid,
    };
    let rates = RatesTable::bundled();
    let c = rates
        .contribution(&worker, package, date)
        .map_err(|e| e.to_string())?;
    let ahead = rates
        .ahead(&worker, package, date, months)
        .map_err(|e| e.to_string())?;
    let discounts: Vec<serde_json::Value> = rates
        .discounts
        .iter()
        .map(|d| {
            serde_json::json!({
                "workers": d.value.workers,
                "percent": d.value.percent,
                "from": d.valid_from,
                "to": d.valid_to,
                "applies": match rates.eligibility(d, &worker, date) {
                    Eligibility::Applies => "yes",
                    Eligibility::OutsideWindow => "no: outside its window",
                    Eligibility::OtherWorkers => "no: for other workers",
                    Eligibility::GovernmentPaid => "no: paid by a government budget",
                },
                "source": d.source,
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "date": date, "rates": rates.version, "declared_income": c.declared_income,
            "jkk_band": { "from": c.band.from, "to": c.band.to, "exact": c.band.exact },
            "jkk": c.jkk, "jkm": c.jkm, "jht": c.jht, "discount": c.discount,
            "total": c.total, "daily": c.daily(), "exact": c.exact(),
            "months": months, "months_total": ahead.total,
            "discounts": discounts,
        })
    );
    Ok(true)
}
