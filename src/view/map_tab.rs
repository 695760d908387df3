//! The map tab: the focus indicator on the map of the list chosen, by the province view's map
//! rule (`map`), with its timeline and the legend's decimals, or why there is no map. With no
//! indicator chosen there is none: the map never draws an indicator the reader did not choose,
//! let alone under the chosen one's name.

use crate::dataset::Dataset;
use crate::error::Result;
use crate::model::Scheme;
use crate::query::{PeriodSpec, has_per_capita};

use super::chart::{focus_of, timeline_of};
use super::map::map_view;
use super::province::indicator_summary;
use super::{GraphicsSpec, MapRefusal, MapTabView, MapView};

/// The map tab's answer.
pub fn map_tab_view(dataset: &Dataset, spec: &GraphicsSpec) -> Result<MapTabView> {
    let scheme = spec.scheme.unwrap_or(Scheme::P63);
    if let Some(outlined) = spec.outlined {
        dataset.reference().require(outlined)?;
    }
    let Some(focus) = focus_of(dataset, spec) else {
        return Ok(MapTabView {
            indicator: None,
            scheme,
            map: MapView {
                indicator: String::new(),
                year: None,
                refused: Some(MapRefusal::NoIndicator),
                values: Vec::new(),
                bins: Vec::new(),
                legend_decimals: 0,
                outlined: None,
            },
            timeline: Vec::new(),
            latest: None,
        });
    };
    let (indicator, definition) = dataset.require_definition(&focus)?;
    let per_capita = spec.per_capita.unwrap_or(false) && has_per_capita(&definition.aggregation);
    let period = spec.period.unwrap_or_default();
    let (timeline, _) = timeline_of(dataset, indicator, period);
    let outlined = spec.outlined.filter(|p| p.scheme == scheme);
    let map = map_view(
        dataset, &focus, outlined, scheme, period, per_capita, &timeline,
    )?;
    let latest = match period {
        PeriodSpec::Latest => map.year,
        PeriodSpec::Year(_) | PeriodSpec::Range(..) => {
            map_view(
                dataset,
                &focus,
                outlined,
                scheme,
                PeriodSpec::Latest,
                per_capita,
                &timeline,
            )?
            .year
        }
    };
    Ok(MapTabView {
        indicator: Some(indicator_summary(definition, per_capita)),
        scheme,
        map,
        timeline,
        latest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(indicators: &[&str]) -> GraphicsSpec {
        GraphicsSpec {
            provinces: Vec::new(),
            indicators: indicators.iter().map(|&i| i.to_owned()).collect(),
            focus: None,
            period: None,
            scheme: None,
            per_capita: None,
            outlined: None,
        }
    }

    #[test]
    fn the_focus_is_mapped_in_rank_order_with_every_value_in_its_bin() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let mut asked = spec(&["dti_score"]);
        asked.period = Some(PeriodSpec::Year(2023));
        let view = map_tab_view(&dataset, &asked)?;
        assert_eq!(view.map.indicator, "dti_score");
        assert_eq!(view.map.year, Some(2023));
        assert_eq!(view.map.values.len(), 63);
        assert!(view.map.values.windows(2).all(|w| w[0].value >= w[1].value));
        assert!(view.map.values.iter().all(|v| v.period == "2023"));
        for v in &view.map.values {
            let bin = &view.map.bins[v.bin as usize];
            assert!(bin.from <= v.value && v.value <= bin.to);
        }
        assert_eq!(view.map.legend_decimals, 1);
        assert!(view.timeline.contains(&2023));
        Ok(())
    }

    #[test]
    fn the_latest_year_is_the_timelines_last() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let view = map_tab_view(&dataset, &spec(&["dti_score"]))?;
        assert_eq!(view.map.year, view.timeline.last().copied());
        assert!(view.map.values.iter().all(|v| Some(v.period.as_str())
            == view.map.year.map(|y| y.to_string()).as_deref()));
        Ok(())
    }

    #[test]
    fn latest_is_the_latest_year_with_a_map_and_a_year_asked_is_that_year() -> Result<()> {
        // Only Quảng Bình (p63:44) has a 2025 figure; the others have 2024's.
        let text = "observation_id,province,indicator_id,period,value,source_id\n\
                    a,p63:44,people_per_postal_point,2025,800,mine\n\
                    b,p63:44,people_per_postal_point,2024,900,mine\n\
                    c,p63:84,people_per_postal_point,2024,500,mine\n";
        let dataset = Dataset::bundled()?.with_user_file(text, "mine.csv")?;
        let view = map_tab_view(&dataset, &spec(&["people_per_postal_point"]))?;
        assert_eq!(view.timeline.last(), Some(&2025));
        assert_eq!((view.map.year, view.map.refused), (Some(2024), None));
        assert_eq!(view.map.values.len(), 2);
        // Lower is better: the lower figure is ranked first, and sits in the lower bin.
        assert_eq!(view.map.values[0].province.to_string(), "p63:84");
        let mut asked = spec(&["people_per_postal_point"]);
        asked.period = Some(PeriodSpec::Year(2025));
        let view = map_tab_view(&dataset, &asked)?;
        assert_eq!(
            (view.map.year, view.map.refused),
            (Some(2025), Some(MapRefusal::OneProvince))
        );
        assert_eq!(view.latest, Some(2024));
        Ok(())
    }

    #[test]
    fn one_province_refuses_the_map_under_the_chosen_indicators_name() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let view = map_tab_view(&dataset, &spec(&["vn_domain_names"]))?;
        assert_eq!(view.map.indicator, "vn_domain_names");
        assert_eq!(view.map.refused, Some(MapRefusal::OneProvince));
        assert!(view.map.values.is_empty() && view.map.bins.is_empty());
        Ok(())
    }

    #[test]
    fn no_indicator_chosen_has_no_map_and_says_so() -> Result<()> {
        let dataset = Dataset::bundled()?;
        let view = map_tab_view(&dataset, &spec(&[]))?;
        assert!(view.indicator.is_none());
        assert_eq!(view.map.refused, Some(MapRefusal::NoIndicator));
        assert!(view.map.values.is_empty() && view.timeline.is_empty());
        Ok(())
    }
}
