function c = horzcat(varargin)
%HORZCAT  [a, b]: the categories of a, then the new ones of b.
c = combine(2, varargin);
end
