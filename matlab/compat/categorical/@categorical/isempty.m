function tf = isempty(c)
%ISEMPTY  True when the array has no elements.
tf = isempty(c.codes);
end
