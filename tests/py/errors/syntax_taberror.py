# An uncaught TabError: tabs and spaces mixed inconsistently.
for x in range(3):
	if x:
        pass
	pass
