# Caret offsets counted in characters after a non-ASCII character.
s = "é" + ++ 
