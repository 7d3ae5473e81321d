function n = numel(c, varargin)
%NUMEL  The number of elements (one array when asked about an indexing expression).
if nargin > 1
  n = 1;
else
  n = numel(c.codes);
end
end
