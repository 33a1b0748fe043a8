"""Figures: `map` (places and relations on a map), `network` (actor networks), `timeline`, `corpus`
(corpus charts), with `style` (colours, labels) and `cartography` (projections, arcs) beneath them."""
