/// The colours of the weather box (`weather.colorScheme`).
public enum WeatherColorScheme: String, Sendable, CaseIterable {
  /// A light card whatever the visitor's system prefers (the default): most portals are
  /// light, and a box that turned dark with the visitor's system would be a dark card on a
  /// light page.
  case light
  /// Always a dark card, for a dark portal.
  case dark
  /// Light or dark as the visitor's system prefers (`prefers-color-scheme`), for a portal
  /// that follows it too.
  case auto
}

/// The box's own stylesheet, published inside the box as its first element
/// (`<style>` in `weather.html`), so the one file a portal includes or pastes is all it needs:
/// nothing to link, no second file to keep in step with the markup (docs/weather.md).
///
/// Every selector starts with `.weather` (the box's own class), so nothing outside the box is
/// styled; most are `.weather .weather__…` (two classes), which outweighs a portal theme's
/// element rules such as `aside h2`. Sizes are in `px`, not `rem`, so a theme that changes the
/// root font size (`html { font-size: 62.5% }`) cannot shrink or grow the box. Laid out for a
/// 300 px sidebar (at most about 350 px tall there, WeatherBrowserTests measures it) and
/// never wider than 400 px.
///
/// libxml2 writes the content of `<style>` as it is, unescaped, so the text is a constant with
/// no `<` and no `&` (the fragment also stays well-formed XML).
enum WeatherStylesheet {
  /// The stylesheet for `scheme`, on lines of its own.
  static func css(_ scheme: WeatherColorScheme) -> String {
    switch scheme {
    case .light:
      return "\n" + rule(light, colorScheme: "only light") + layout
    case .dark:
      return "\n" + rule(dark, colorScheme: "only dark") + layout
    case .auto:
      return "\n" + rule(light, colorScheme: "light dark") + layout
        + "@media (prefers-color-scheme: dark) {\n" + rule(dark, colorScheme: nil) + "}\n"
    }
  }

  /// The `.weather { … }` rule setting the palette's custom properties.
  private static func rule(_ palette: KeyValuePairs<String, String>, colorScheme: String?)
    -> String
  {
    var s = ".weather {\n"
    // `only light` also keeps a browser's forced dark mode from darkening the card.
    if let colorScheme { s += "  color-scheme: \(colorScheme);\n" }
    for (name, value) in palette { s += "  --weather-\(name): \(value);\n" }
    return s + "}\n"
  }

  private static let light: KeyValuePairs<String, String> = [
    "ink": "#1d2733", "muted": "#5b6877", "line": "#dde3ea", "bg": "#ffffff",
    "accent": "#0b5cad", "stale": "#7a4f00", "stale-bg": "#fff3d6", "note-bg": "#f3f5f8",
  ]

  private static let dark: KeyValuePairs<String, String> = [
    "ink": "#e7ecf2", "muted": "#a7b3c1", "line": "#334150", "bg": "#17202a",
    "accent": "#7db7f0", "stale": "#ffd27a", "stale-bg": "#3a2f14", "note-bg": "#222d38",
  ]

  /// Everything but the colours.
  private static let layout = """
    .weather {
      position: relative; box-sizing: border-box; max-width: 400px; margin: 0;
      padding: 10px 12px; border: 1px solid var(--weather-line); border-radius: 10px;
      background: var(--weather-bg); color: var(--weather-ink); text-align: left;
      font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
        sans-serif;
      overflow-wrap: break-word;
    }
    .weather *, .weather *::before, .weather *::after { box-sizing: border-box; }
    .weather h2, .weather h3, .weather p, .weather dl, .weather dt, .weather dd,
    .weather ul, .weather li {
      margin: 0; padding: 0; border: 0; background: none; color: inherit; font: inherit;
      letter-spacing: normal; text-transform: none; list-style: none;
    }
    .weather .visually-hidden {
      position: absolute !important; width: 1px !important; height: 1px !important;
      margin: -1px !important; padding: 0 !important; border: 0 !important;
      overflow: hidden !important; clip: rect(0 0 0 0) !important;
      clip-path: inset(50%) !important; white-space: nowrap !important;
    }
    .weather .weather__title {
      display: inline; margin-right: 6px; font-size: 16px; font-weight: 700;
    }
    .weather .weather__place {
      display: inline-block; color: var(--weather-muted); font-size: 12.5px;
    }
    .weather .weather__now {
      display: flex; flex-wrap: wrap; align-items: center; column-gap: 8px; margin: 4px 0 2px;
    }
    .weather .weather__icon { display: block; flex: none; }
    .weather .weather__now .weather__icon { width: 36px; height: 36px; }
    .weather .weather__temp {
      font-size: 28px; font-weight: 600; line-height: 1; font-variant-numeric: tabular-nums;
    }
    .weather .weather__cond { font-size: 15px; font-weight: 500; }
    .weather .weather__details {
      display: flex; flex-wrap: wrap; column-gap: 12px; padding-bottom: 6px;
      border-bottom: 1px solid var(--weather-line); font-size: 12.5px;
    }
    .weather .weather__details div { display: flex; column-gap: 4px; }
    .weather .weather__details dt { color: var(--weather-muted); }
    .weather .weather__details dd { font-variant-numeric: tabular-nums; }
    .weather .weather__outlook-title {
      margin: 6px 0 0; color: var(--weather-muted); font-size: 11.5px; font-weight: 600;
      letter-spacing: 0.04em; text-transform: uppercase;
    }
    .weather .weather__day {
      display: grid; grid-template-columns: 52px 22px minmax(0, 1fr) auto;
      grid-template-areas: "name icon cond range" "name icon pop range";
      align-items: center; column-gap: 6px; padding: 2px 0;
      border-bottom: 1px solid var(--weather-line); font-size: 12.5px; line-height: 1.25;
    }
    .weather .weather__day:last-child { border-bottom: 0; }
    .weather .weather__day-name { grid-area: name; font-weight: 500; }
    .weather .weather__day .weather__icon { grid-area: icon; width: 22px; height: 22px; }
    .weather .weather__day-cond { grid-area: cond; }
    .weather .weather__pop { grid-area: pop; color: var(--weather-accent); font-size: 11.5px; }
    .weather .weather__range {
      grid-area: range; font-weight: 600; white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .weather .weather__updated, .weather .weather__source {
      color: var(--weather-muted); font-size: 11px; line-height: 1.35;
    }
    .weather .weather__updated { margin-top: 4px; }
    .weather a {
      color: var(--weather-accent); text-decoration: underline; text-underline-offset: 0.15em;
    }
    .weather a:focus-visible { outline: 2px solid var(--weather-accent); outline-offset: 2px; }
    .weather .weather__stale {
      margin: 4px 0 0; padding: 2px 8px; border-radius: 6px;
      background: var(--weather-stale-bg); color: var(--weather-stale); font-size: 12px;
    }
    .weather .weather__badge { font-weight: 700; }
    .weather.weather--stale .weather__now, .weather.weather--stale .weather__details,
    .weather.weather--stale .weather__outlook { opacity: 0.6; }
    .weather.weather--stale .weather__icon { filter: grayscale(1); }
    /* The stale badge already gives the time of the data. */
    .weather.weather--stale .weather__updated { display: none; }
    .weather.weather--stale .weather__source { margin-top: 4px; }
    .weather .weather__unavailable {
      margin-top: 8px; padding: 10px; border-radius: 6px;
      background: var(--weather-note-bg); color: var(--weather-muted);
    }

    """
}
