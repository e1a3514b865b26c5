"""Pure surveying computations: coordinates, DMS, boundary validation, planning, stake-out."""
