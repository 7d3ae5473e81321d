function d = double(c)
%DOUBLE  The category number of each element (its place in categories(c)); NaN where undefined.
d = c.codes;
d(d == 0) = NaN;
end
