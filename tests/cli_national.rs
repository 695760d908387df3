//! The national indices through the command line: ranks of both lists, a series, aggregates,
//! and numbers shown with their unit and the precision they were published with.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use cli_support::run;

fn stdout(args: &[&str]) -> String {
    let output = run(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The rows of a CSV answer after its header, split on commas (none of these fields quote).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[test]
fn rank_of_the_34_has_ha_noi_first_and_of_the_63_ho_chi_minh_city() {
    let base = [
        "rank",
        "--indicator",
        "dti_score",
        "--period",
        "2024",
        "--scheme",
    ];
    let table = stdout(&[&base[..], &["p34"]].concat());
    let first = table.lines().nth(1).expect("a first row");
    assert!(first.starts_with("1 "), "{first}");
    assert!(
        first.contains("Hà Nội") && first.contains("0,8241"),
        "{first}"
    );
    assert!(
        table.contains("Cả nước") && table.contains("0,6961"),
        "{table}"
    );
    assert!(table.contains("not ranked"));

    let csv = stdout(&[&base[..], &["p34", "--format", "csv"]].concat());
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 34, "one row per province, averages apart");
    assert_eq!(
        rows[0][..6],
        ["1", "false", "", "p34:01", "Hà Nội", "0.8241"]
    );

    let csv = stdout(&[&base[..], &["p63", "--format", "csv"]].concat());
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 63);
    assert_eq!(rows[0][3..6], ["p63:79", "TP. Hồ Chí Minh", "0.8373"]);
}

#[test]
fn a_series_lists_every_period_with_change_and_yearly_rate() {
    let csv = stdout(&[
        "series",
        "--province",
        "p63:72",
        "--indicator",
        "papi_e_governance",
        "--format",
        "csv",
    ]);
    let header = csv.lines().next().expect("a header");
    assert!(header.starts_with("province,province_name,indicator,unit,period,value"));
    let rows = csv_rows(&csv);
    let periods: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(
        periods,
        ["2018", "2019", "2020", "2021", "2022", "2023", "2024"]
    );
    assert!(rows[0][10].is_empty(), "no change into the first period");
    assert!(
        rows[1..]
            .iter()
            .all(|r| !r[10].is_empty() && !r[12].is_empty())
    );

    let table = stdout(&[
        "series",
        "--province",
        "p63:72",
        "--indicator",
        "papi_e_governance",
        "--scheme",
        "p34",
    ]);
    assert!(table.contains("Tây Ninh (p34:80)"), "{table}");
    assert!(table.contains("mean weighted by population"), "{table}");
    assert!(table.contains("% a year"), "{table}");
}

#[test]
fn a_2025_dti_series_shows_the_break() {
    let table = stdout(&["series", "--province", "p34:80", "--indicator", "dti_score"]);
    assert!(table.contains("BREAK"), "{table}");
    assert!(table.contains("crosses a change of method"), "{table}");
}

#[test]
fn aggregate_by_nation_region_year_and_pillar() {
    let run_by = |by: &str| {
        stdout(&[
            "aggregate",
            "--indicator",
            "dti_score",
            "--period",
            "2024",
            "--by",
            by,
            "--format",
            "csv",
        ])
    };
    let nation = csv_rows(&run_by("nation"));
    assert_eq!(nation.len(), 1);
    assert_eq!(
        nation[0][..4],
        ["nation", "Cả nước", nation[0][2].as_str(), "mean"]
    );
    assert!(nation[0][2].starts_with("0.6961"), "{:?}", nation[0]);
    assert_eq!(
        run_by("region").lines().count(),
        7,
        "a header and six regions"
    );
    let years = csv_rows(&stdout(&[
        "aggregate",
        "--indicator",
        "dti_score",
        "--by",
        "year",
        "--format",
        "csv",
    ]));
    let keys: Vec<&str> = years.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(keys, ["2022", "2023", "2024"]);
    assert!(run_by("pillar").contains("digital_transformation,"));
    let refused = run(&["aggregate", "--indicator", "telecom_service_providers"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("`none`"));
}

#[test]
fn tables_show_the_unit_and_the_decimals_as_published() {
    let table = stdout(&[
        "compare",
        "--provinces",
        "p63:84",
        "--indicators",
        "info_grassroots_programme_central_funding",
    ]);
    assert!(table.contains(">4,822 tỷ đồng (2015)"), "{table}");
}

#[test]
fn a_published_2025_figure_keeps_its_roll_up_in_the_compare_csv() {
    let csv = stdout(&[
        "compare",
        "--provinces",
        "p34:79",
        "--indicators",
        "dti_score",
        "--period",
        "2024",
        "--format",
        "csv",
    ]);
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.ends_with(",quote,cross_check"))
    );
    let row = csv_rows(&csv).pop().expect("a row");
    assert_eq!(row[4], "0.777", "the published value");
    assert_eq!(row[7], "", "not derived");
    let derived: f64 = row[12].parse().expect("the roll-up");
    assert_eq!(format!("{derived:.4}"), "0.7769");
}
