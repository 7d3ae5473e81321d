function e = end(c, k, n)
%END  The last index of dimension K of N in an indexing expression.
sz = size(c.codes);
if n == 1
  e = numel(c.codes);
elseif k < n
  e = sz(k);
else
  e = prod(sz(k:end));
end
end
