"""Documents of a job: berita acara, marker descriptions, stake-out report, deliverables."""
