"""Offline background maps: tile packs and orthophotos as tiles, placed on the job grid."""
