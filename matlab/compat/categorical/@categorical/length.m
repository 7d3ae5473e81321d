function n = length(c)
%LENGTH  The longest dimension (0 when empty).
n = length(c.codes);
end
