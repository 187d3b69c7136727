# Utils package
