def test_probe(setup_station):
    pass
